/**
 * `npm run bench`: what a sync and a settlement cost, written to bench/results.json.
 * Numbers are compared within one run (ratios), never asserted: machines are shared.
 *
 * `sync_before_after` sets this run's syncs beside the same bench run on the engine before
 * its rework (bench/sync-before.json, a measured record with its commit and date): the SQL
 * statement counts are exact; the times come from two runs, so read them as a rough ratio.
 */
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { execSync } from "child_process"
import { existsSync, readFileSync, writeFileSync } from "fs"
import { join } from "path"
import { createAdminUser, Headers, placeOrder, Seed, seedStore } from "../integration-tests/helpers/order-flow"
import { boundBuyer, makeDistributor, waitForOrderView } from "../integration-tests/helpers/distribution"
import { DISTRIBUTION_MODULE } from "../src/modules/distribution"
import DistributionModuleService from "../src/modules/distribution/service"
import { asJson } from "../src/modules/distribution/calculations"
import { syncOrderCommissionsWorkflow } from "../src/workflows/commission/workflows/sync-order-commissions"

jest.setTimeout(600_000)

const RUNS = 30
const FIRST_RUNS = 10
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

type SyncCost = { team_size: number; median_ms: number; queries_per_sync: number; by_kind?: Record<string, number> }
type Syncs = { small: SyncCost; large: SyncCost; first: SyncCost }
type BeforeRecord = Syncs & { commit: string; measured_at: string }

function headCommit() {
  try {
    return execSync("git rev-parse --short HEAD", { cwd: __dirname, stdio: ["ignore", "pipe", "ignore"] }).toString().trim()
  } catch {
    return "unknown"
  }
}

/** This run's syncs beside the record of the engine before its rework: statements exactly, time as a rough ratio. */
function beforeAfter(after: Syncs, at: string) {
  const file = join(__dirname, "sync-before.json")
  if (!existsSync(file)) return { note: "bench/sync-before.json is missing" }
  const before = JSON.parse(readFileSync(file, "utf8")) as BeforeRecord
  const side = (cost: SyncCost) => ({ queries_per_sync: cost.queries_per_sync, median_ms: +cost.median_ms.toFixed(1), by_kind: cost.by_kind })
  const compare = (key: keyof Syncs) => ({
    before: side(before[key]),
    after: side(after[key]),
    statements_saved_per_sync: +(before[key].queries_per_sync - after[key].queries_per_sync).toFixed(2),
    time_after_over_before: +(after[key].median_ms / before[key].median_ms).toFixed(2),
  })
  return {
    before: { commit: before.commit, measured_at: before.measured_at },
    after: { commit: headCommit(), measured_at: at },
    no_op_sync: compare("small"),
    no_op_sync_team_of_2000: compare("large"),
    first_sync: compare("first"),
  }
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: Headers
    let seed: Seed
    const results: Record<string, unknown> = { at: new Date().toISOString(), runs: RUNS }

    beforeAll(async () => {
      admin = await createAdminUser(api, getContainer())
      seed = await seedStore(api, admin)
    })

    afterAll(() => {
      // Other benches write their own keys into the same file: keep them.
      const file = join(__dirname, "results.json")
      const previous = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {}
      writeFileSync(file, JSON.stringify({ ...previous, ...results }, null, 2) + "\n")
      console.log(JSON.stringify(results, null, 2))
    })

    type Pg = {
      on(e: string, f: (q: { sql: string }) => void): void
      off(e: string, f: (q: { sql: string }) => void): void
      (table: string): { where(w: object): { delete(): Promise<number> } }
    }
    const pg = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION) as unknown as Pg

    /** Runs `sync` `runs` times: its median time, and its SQL statements per run, in all and by kind. */
    async function measure(runs: number, sync: () => Promise<unknown>, before: () => Promise<unknown> = async () => {}) {
      const kinds: Record<string, number> = {}
      const count = (q: { sql: string }) => {
        const kind = (q.sql.trim().split(/\s+/)[0] ?? "").toLowerCase().replace(/;$/, "")
        kinds[kind] = (kinds[kind] ?? 0) + 1
      }
      const times: number[] = []
      for (let i = 0; i < runs; i++) {
        await before()
        pg().on("query", count)
        const start = process.hrtime.bigint()
        await sync()
        times.push(Number(process.hrtime.bigint() - start) / 1e6)
        pg().off("query", count)
      }
      const total = Object.values(kinds).reduce((a, b) => a + b, 0)
      const by_kind = Object.fromEntries(Object.entries(kinds).sort().map(([k, n]) => [k, +(n / runs).toFixed(2)]))
      return { median_ms: median(times), queries_per_sync: total / runs, by_kind }
    }

    /** A bound buyer's order of A (100) under a distributor with a team of `teamSize`, synced once. */
    async function syncedOrder(teamSize: number, email: string) {
      const service = getContainer().resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
      const head = await makeDistributor(api, admin, seed, `${email}-head@bench.local`)
      const members = await service.createDistributors(
        Array.from({ length: teamSize }, (_, i) => ({ customer_id: `cus_${email}_${i}`, code: `B${i}${email}`.toUpperCase().slice(0, 12), status: "active" as const, parent_id: head.distributor.id }))
      )
      await service.createTeamPaths(members.map((m) => ({ ancestor_id: head.distributor.id, descendant_id: m.id, depth: 1 })))
      const buyer = await boundBuyer(api, seed, `${email}@bench.local`, head.distributor.code)
      const order = await placeOrder(api, { seed, customerHeaders: buyer.headers, items: [{ variant_id: seed.variants.A, quantity: 1 }] })
      await waitForOrderView(api, admin, order.id, (v) => v.commissions.length === 1)
      return order.id
    }

    const sync = (orderId: string) => () => syncOrderCommissionsWorkflow(getContainer()).run({ input: { order_id: orderId, reason: "bench" } })

    /** A sync that finds nothing to change (the common case: a duplicate event, the sweep). */
    async function timeSyncs(teamSize: number, email: string) {
      const orderId = await syncedOrder(teamSize, email)
      return { team_size: teamSize, ...(await measure(RUNS, sync(orderId))) }
    }

    /** A first sync: the order's attribution and commission are written (forgotten again before each run). */
    async function timeFirstSyncs(email: string) {
      const orderId = await syncedOrder(10, email)
      const forget = async () => {
        await pg()("distribution_commission").where({ order_id: orderId }).delete()
        await pg()("distribution_order_attribution").where({ order_id: orderId }).delete()
      }
      return { team_size: 10, ...(await measure(FIRST_RUNS, sync(orderId), forget)) }
    }

    it("measures a no-op sync for a small and a large team, a first sync, and settling 1000 commissions", async () => {
      const small = await timeSyncs(10, "small")
      const large = await timeSyncs(2000, "large")
      const first = await timeFirstSyncs("first")
      results.sync = { small, large, first, large_over_small_time: +(large.median_ms / small.median_ms).toFixed(2) }
      results.sync_before_after = beforeAfter({ small, large, first }, results.at as string)

      const service = getContainer().resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
      const head = await makeDistributor(api, admin, seed, "settle-head@bench.local")
      await service.createCommissions(
        Array.from({ length: 1000 }, (_, i) => ({
          order_id: `order_bench_${i}`,
          distributor_id: head.distributor.id,
          level: 1,
          currency_code: "usd",
          status: "frozen" as const,
          available_at: new Date(Date.now() - 1000),
          amount: 1.23,
          accrued_amount: 1.23,
          reversed_amount: 0,
          lines: asJson([]),
        }))
      )
      const start = process.hrtime.bigint()
      const { data } = await api.post("/admin/distribution/commissions/settle", {}, admin)
      const ms = Number(process.hrtime.bigint() - start) / 1e6
      results.settle = { commissions: data.settled, total_ms: Math.round(ms), per_commission_ms: +(ms / data.settled).toFixed(3) }
      expect(data.settled).toBe(1000)
    })
  },
})
