/**
 * `npm run bench`: what the admin overview (`GET /admin/distribution/stats`, 30 days) and
 * the distributor list cost for a small and a large store, seeded in bulk with SQL
 * (generate_series), written under `admin` in bench/results.json (other keys are kept).
 *
 * The large store is 100× the small one: 1k → 100k distributors, 10k → 1M commissions,
 * spread evenly over a year (so a 30-day range holds 100× the rows too). The overview must
 * cost at most 2× at the large size; that is asserted. Sizes come from the environment when
 * the machine is too slow for the defaults: BENCH_DISTRIBUTORS_SMALL / _LARGE,
 * BENCH_COMMISSIONS_SMALL / _LARGE.
 */
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { existsSync, readFileSync, writeFileSync } from "fs"
import { join } from "path"
import { createAdminUser, Headers } from "../integration-tests/helpers/order-flow"
import { pgOf } from "../integration-tests/helpers/db"
import { DISTRIBUTION_MODULE } from "../src/modules/distribution"
import DistributionModuleService from "../src/modules/distribution/service"

jest.setTimeout(3_600_000)

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback)
const SIZES = {
  small: { distributors: env("BENCH_DISTRIBUTORS_SMALL", 1_000), commissions: env("BENCH_COMMISSIONS_SMALL", 10_000) },
  large: { distributors: env("BENCH_DISTRIBUTORS_LARGE", 100_000), commissions: env("BENCH_COMMISSIONS_LARGE", 1_000_000) },
}
const RUNS = 15
const HISTORY_DAYS = 365
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const RESULTS = join(__dirname, "results.json")

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: Headers
    const results: Record<string, unknown> = { at: new Date().toISOString(), runs: RUNS, history_days: HISTORY_DAYS }

    beforeAll(async () => {
      admin = await createAdminUser(api, getContainer())
    })

    afterAll(() => {
      const previous = existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, "utf8")) : {}
      writeFileSync(RESULTS, JSON.stringify({ ...previous, admin: results }, null, 2) + "\n")
      console.log(JSON.stringify(results, null, 2))
    })

    const sql = () => pgOf(getContainer())
    const service = () => getContainer().resolve<DistributionModuleService>(DISTRIBUTION_MODULE)

    /**
     * Distributors `from+1..to` (1 in 10 pending), and orders `from/2+1..to/2` with two
     * commissions each (10 and 5 USD on a 100 USD line), one order per distributor in turn,
     * spread evenly over the last year in the order they are inserted. Commissions older than 14 days are settled (with
     * their ledger entry); newer ones pending. 1 in 50 orders had a refund of a fifth.
     */
    async function seed(d: { from: number; to: number }, c: { from: number; to: number }) {
      const started = Date.now()
      const totalDistributors = d.to
      await sql().raw(
        `INSERT INTO distribution_distributor (id, customer_id, code, status, created_at, updated_at)
         SELECT 'dist_b' || i, 'cus_b' || i, 'B' || i, CASE WHEN i % 10 = 0 THEN 'pending' ELSE 'active' END,
                now() - ((i * 7919) % (${HISTORY_DAYS} * 24)) * interval '1 hour', now()
           FROM generate_series(?::int, ?::int) i`,
        [d.from + 1, d.to]
      )
      const orders = { from: Math.floor(c.from / 2) + 1, to: Math.floor(c.to / 2) }
      // An order's time: evenly over the year, in insertion order, as a store's rows are written.
      const span = Math.max(1, orders.to - orders.from + 1)
      const at = `now() - ((${orders.to} - o)::float8 / ${span}) * interval '${HISTORY_DAYS} days'`
      await sql().raw(
        `INSERT INTO distribution_order_attribution (id, order_id, customer_id, distributor_id, code, source, currency_code, terms, max_total_rate, lines, created_at, updated_at)
         SELECT 'dattr_b' || o, 'order_b' || o, 'cus_buyer' || o, 'dist_b' || (1 + o % ?), 'B' || (1 + o % ?), 'binding', 'usd', '[]', '0.3',
                jsonb_build_object('li_b' || o, jsonb_build_object('product_id', 'prod_b', 'quantity', 1, 'net', 100, 'gross', 100)),
                ${at}, now()
           FROM generate_series(?::int, ?::int) o`,
        [totalDistributors, totalDistributors, orders.from, orders.to]
      )
      for (const [level, accrued, upline] of [
        [1, 10, 0],
        [2, 5, 1],
      ] as const) {
        await sql().raw(
          `INSERT INTO distribution_commission (id, order_id, distributor_id, level, status, currency_code, amount, raw_amount,
                  accrued_amount, raw_accrued_amount, reversed_amount, raw_reversed_amount, lines, available_at, settled_at, created_at, updated_at)
           SELECT 'dcom_b' || o || '_' || ${level}, 'order_b' || o, 'dist_b' || (1 + (o + ${upline}) % ?), ${level},
                  CASE WHEN t < now() - interval '14 days' THEN 'settled' ELSE 'pending' END, 'usd',
                  amt, jsonb_build_object('value', amt::text, 'precision', 20),
                  ${accrued}, '{"value":"${accrued}","precision":20}', ${accrued} - amt, jsonb_build_object('value', (${accrued} - amt)::text, 'precision', 20),
                  '[]', NULL, CASE WHEN t < now() - interval '14 days' THEN t + interval '14 days' END, t, now()
             FROM (SELECT o, ${at} AS t, CASE WHEN o % 50 = 0 THEN ${accrued} * 0.8 ELSE ${accrued} END AS amt
                     FROM generate_series(?::int, ?::int) o) s`,
          [totalDistributors, orders.from, orders.to]
        )
        await sql().raw(
          `INSERT INTO distribution_commission_adjustment (id, commission_id, order_id, amount, raw_amount, reason, created_at, updated_at)
           SELECT 'dcadj_b' || o || '_' || ${level}, 'dcom_b' || o || '_' || ${level}, 'order_b' || o, -${accrued} * 0.2,
                  jsonb_build_object('value', (-${accrued} * 0.2)::text, 'precision', 20), 'payment.refunded', ${at} + interval '1 hour', now()
             FROM generate_series(?::int, ?::int) o WHERE o % 50 = 0`,
          [orders.from, orders.to]
        )
      }
      await sql().raw(
        `INSERT INTO distribution_ledger_entry (id, distributor_id, currency_code, amount, raw_amount, type, reference_id, created_at, updated_at)
         SELECT 'dled_' || c.id, c.distributor_id, c.currency_code, c.amount, c.raw_amount, 'settlement', c.id, c.settled_at, now()
           FROM distribution_commission c
          WHERE c.status = 'settled' AND c.id LIKE 'dcom_b%' AND c.settled_at IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM distribution_ledger_entry l WHERE l.type = 'settlement' AND l.reference_id = c.id)`
      )
      // As autovacuum would have by the time anyone looks: statistics and the visibility map
      // (which lets counts read an index alone).
      await sql().raw("VACUUM ANALYZE")
      return Date.now() - started
    }

    /** Rolls the whole history up again (without a state the rollup starts over), as the hourly job would have done hour by hour. */
    async function rollup() {
      await sql().raw("DELETE FROM distribution_setting WHERE key = 'state:daily_stats'")
      const started = Date.now()
      const { days } = await service().rollupDailyStats({ maxDays: HISTORY_DAYS + 10 })
      const ms = Date.now() - started
      await sql().raw("VACUUM ANALYZE")
      return { days, ms }
    }

    async function time(path: string, runs = RUNS) {
      for (let i = 0; i < 2; i++) await api.get(path, admin)
      const times: number[] = []
      for (let i = 0; i < runs; i++) {
        const start = process.hrtime.bigint()
        await api.get(path, admin)
        times.push(Number(process.hrtime.bigint() - start) / 1e6)
      }
      return +median(times).toFixed(2)
    }

    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10)
    const STATS = `/admin/distribution/stats?from=${day(Date.now() - 29 * 86_400_000)}&to=${day(Date.now())}`
    const LIST = "/admin/distribution/distributors?limit=20"
    const LIST_SEARCH = "/admin/distribution/distributors?limit=20&status=active&q=B12"

    async function measure(name: "small" | "large") {
      const rolled = await rollup()
      const stats = (await api.get(STATS, admin)).data
      return {
        ...SIZES[name],
        rollup_days: rolled.days,
        rollup_ms: rolled.ms,
        stats_30d_ms: await time(STATS),
        list_ms: await time(LIST),
        list_search_ms: await time(LIST_SEARCH),
        window: { orders: stats.orders, commissions: stats.levels.reduce((n: number, l: { commissions: number }) => n + l.commissions, 0) },
      }
    }

    it("keeps the 30-day overview within 2× from a small to a 100× larger store", async () => {
      const seedSmall = await seed({ from: 0, to: SIZES.small.distributors }, { from: 0, to: SIZES.small.commissions })
      const small = { seed_ms: seedSmall, ...(await measure("small")) }
      // Live (nothing rolled up): what the overview would cost without the pre-aggregate.
      await sql().raw("DELETE FROM distribution_setting WHERE key = 'state:daily_stats'")
      const smallLive = await time(STATS, 3)

      const seedLarge = await seed(
        { from: SIZES.small.distributors, to: SIZES.large.distributors },
        { from: SIZES.small.commissions, to: SIZES.large.commissions }
      )
      const large = { seed_ms: seedLarge, ...(await measure("large")) }
      await sql().raw("DELETE FROM distribution_setting WHERE key = 'state:daily_stats'")
      const largeLive = await time(STATS, 3)

      results.small = { ...small, stats_30d_live_ms: smallLive }
      results.large = { ...large, stats_30d_live_ms: largeLive }
      results.ratios = {
        stats_30d: +(large.stats_30d_ms / small.stats_30d_ms).toFixed(2),
        stats_30d_live: +(largeLive / smallLive).toFixed(2),
        list: +(large.list_ms / small.list_ms).toFixed(2),
        list_search: +(large.list_search_ms / small.list_search_ms).toFixed(2),
      }
      expect(large.stats_30d_ms).toBeLessThanOrEqual(2 * small.stats_30d_ms)
    })
  },
})
