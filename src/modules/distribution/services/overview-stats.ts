import { Context, DAL } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MathBN, MedusaContext } from "@medusajs/framework/utils"
import { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { Knex } from "@medusajs/framework/mikro-orm/knex"
import { currencyPrecision, roundHalfUp } from "../calculations"
import { sqlOf } from "../db"
import type { SettingsStoreService } from "./settings-store"
import type {
  AdminStatsBalance,
  AdminStatsLevel,
  AdminStatsResponse,
  AdminStatsSeriesPoint,
  AdminStatsTopDistributor,
  CurrencyAmount,
} from "../../../types/admin-stats"

const DAY_MS = 86_400_000
/** A day is closed (rolled up) this long after it ends: a transaction open at midnight has committed by then. */
const CLOSE_AFTER_MS = 2 * 3_600_000
const ROLLUP_STATE = "daily_stats"
const ROLLUP_LOCK = "distribution_daily_stat"
const MONEY = ["gmv", "accrued", "reversed", "settled", "ledger", "withdrawn"] as const
const COUNTS = ["orders", "commissions", "visits", "carts"] as const

type Money = (typeof MONEY)[number]
type Count = (typeof COUNTS)[number]
type StatRow = { day: string; scope: string; scope_key: string; currency_code: string } & Record<Money | Count, string>

/** `YYYY-MM-DD` of a UTC day and back. */
export const dayOf = (date: Date) => date.toISOString().slice(0, 10)
const startOf = (day: string) => new Date(`${day}T00:00:00.000Z`)
const addDays = (day: string, n: number) => dayOf(new Date(startOf(day).getTime() + n * DAY_MS))

/**
 * Every event the overview counts, in `[start, end)`, aggregated per UTC day for the store
 * (`all`), per commission level and per distributor. Each figure is a sum of events dated
 * that day, and no event's date ever changes, so a past day aggregated once stays exact:
 * - an attributed order: 1 order and its lines' value when first seen (gmv), for the store
 *   and its distributor (scope `seller`);
 * - a commission (for the store, its level and its distributor, scope `earner`): 1 commission and what it accrued when created (its accrued amount now,
 *   less the increases its adjustments made later);
 * - an adjustment: an increase (accrued) or a decrease (reversed) on its own day;
 * - a ledger entry: its amount (ledger; the wallets' balance is the sum), and a settlement
 *   also as settled, under its commission's level;
 * - a paid withdrawal (withdrawn, on its paid day), a visit, a cart with a code.
 */
const eventsSql = (start: string, end: string) => `
  SELECT a.created_at AS at, a.currency_code AS cur, 'seller' AS kind, a.distributor_id AS dist, NULL::int AS level,
         1 AS orders, COALESCE(g.gmv, 0) AS gmv, 0 AS commissions, 0::numeric AS accrued, 0::numeric AS reversed,
         0::numeric AS settled, 0::numeric AS ledger, 0::numeric AS withdrawn, 0 AS visits, 0 AS carts
    FROM distribution_order_attribution a
    LEFT JOIN LATERAL (
      SELECT SUM((v.value->>'net')::numeric) AS gmv
        FROM jsonb_each(CASE WHEN jsonb_typeof(a.lines) = 'object' THEN a.lines ELSE '{}'::jsonb END) v
    ) g ON true
   WHERE a.deleted_at IS NULL AND a.distributor_id IS NOT NULL AND a.created_at >= ${start} AND a.created_at < ${end}
  UNION ALL
  SELECT c.created_at, c.currency_code, 'earner', c.distributor_id, c.level, 0, 0, 1,
         c.accrued_amount - COALESCE((SELECT SUM(j.amount) FROM distribution_commission_adjustment j
                                       WHERE j.commission_id = c.id AND j.amount > 0 AND j.deleted_at IS NULL), 0),
         0, 0, 0, 0, 0, 0
    FROM distribution_commission c
   WHERE c.deleted_at IS NULL AND c.created_at >= ${start} AND c.created_at < ${end}
  UNION ALL
  SELECT j.created_at, c.currency_code, 'earner', c.distributor_id, c.level, 0, 0, 0,
         GREATEST(j.amount, 0), GREATEST(-j.amount, 0), 0, 0, 0, 0, 0
    FROM distribution_commission_adjustment j
    JOIN distribution_commission c ON c.id = j.commission_id
   WHERE j.deleted_at IS NULL AND j.created_at >= ${start} AND j.created_at < ${end}
  UNION ALL
  SELECT l.created_at, l.currency_code, 'earner', CASE WHEN l.type = 'settlement' THEN l.distributor_id END, c.level, 0, 0, 0, 0, 0,
         CASE WHEN l.type = 'settlement' THEN l.amount ELSE 0 END, l.amount, 0, 0, 0
    FROM distribution_ledger_entry l
    LEFT JOIN distribution_commission c ON l.type = 'settlement' AND c.id = l.reference_id
   WHERE l.deleted_at IS NULL AND l.created_at >= ${start} AND l.created_at < ${end}
  UNION ALL
  SELECT w.paid_at, w.currency_code, NULL, NULL, NULL, 0, 0, 0, 0, 0, 0, 0, w.amount, 0, 0
    FROM distribution_withdrawal w
   WHERE w.deleted_at IS NULL AND w.status = 'paid' AND w.paid_at >= ${start} AND w.paid_at < ${end}
  UNION ALL
  SELECT v.created_at, '', NULL, NULL, NULL, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0
    FROM distribution_code_visit v
   WHERE v.deleted_at IS NULL AND v.created_at >= ${start} AND v.created_at < ${end}
  UNION ALL
  SELECT k.created_at, '', NULL, NULL, NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1
    FROM distribution_cart_code k
   WHERE k.deleted_at IS NULL AND k.created_at >= ${start} AND k.created_at < ${end}`

/** The events of `[start, end)` as daily-stat rows (the shape of `distribution_daily_stat`); exported for tooling. */
export const dayRowsSql = (start: string, end: string) => `
  SELECT e.day,
         CASE WHEN GROUPING(e.level) = 0 THEN 'level' WHEN GROUPING(e.dist) = 0 THEN e.kind ELSE 'all' END AS scope,
         CASE WHEN GROUPING(e.level) = 0 THEN e.level::text WHEN GROUPING(e.dist) = 0 THEN e.dist ELSE '' END AS scope_key,
         e.cur AS currency_code,
         SUM(e.orders) AS orders, SUM(e.gmv) AS gmv, SUM(e.commissions) AS commissions, SUM(e.accrued) AS accrued,
         SUM(e.reversed) AS reversed, SUM(e.settled) AS settled, SUM(e.ledger) AS ledger, SUM(e.withdrawn) AS withdrawn,
         SUM(e.visits) AS visits, SUM(e.carts) AS carts
    FROM (SELECT to_char(date_trunc('day', ev.at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day, ev.* FROM (${eventsSql(start, end)}) ev) e
   GROUP BY GROUPING SETS ((e.day, e.cur), (e.day, e.cur, e.level), (e.day, e.cur, e.kind, e.dist))
  HAVING (GROUPING(e.level) = 1 OR e.level IS NOT NULL) AND (GROUPING(e.dist) = 1 OR (e.dist IS NOT NULL AND e.kind IS NOT NULL))`

const COLUMNS = [...COUNTS, ...MONEY].join(", ")

/**
 * The admin overview (`GET /admin/distribution/stats`). Closed days come from the daily
 * rollup (`distribution_daily_stat`, kept by the `distribution-rollup-stats` job), the days
 * after it are computed from the raw rows through their `created_at` indexes, so a range
 * costs what its days cost, not what the store's history does.
 */
export class OverviewStatsService {
  protected readonly baseRepository_: DAL.RepositoryService
  protected readonly settingsStore_: SettingsStoreService

  constructor({ baseRepository, settingsStoreService }: { baseRepository: DAL.RepositoryService; settingsStoreService: SettingsStoreService }) {
    this.baseRepository_ = baseRepository
    this.settingsStore_ = settingsStoreService
  }

  protected knex_(sharedContext: Context): Knex {
    const manager = (sharedContext.transactionManager ?? sharedContext.manager) as SqlEntityManager
    return (manager.getTransactionContext() ?? manager.getKnex()) as Knex
  }

  /** The last rolled-up UTC day, or null. */
  @InjectManager()
  async rolledUpThrough(@MedusaContext() sharedContext: Context = {}): Promise<string | null> {
    const state = await this.settingsStore_.readState<{ through?: string }>(ROLLUP_STATE, sharedContext)
    return state?.through ?? null
  }

  /**
   * Rolls up every closed day not rolled up yet, oldest first, up to `maxDays` of them: a
   * day is closed two hours after it ends (so a transaction still open at midnight is
   * counted). Safe on two workers at once: the second waits on the lock, then
   * finds the days done. Answers the last day rolled up.
   */
  @InjectTransactionManager()
  async rollup(
    { now = new Date(), maxDays = 366 }: { now?: Date; maxDays?: number } = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ through: string | null; days: number }> {
    const sql = (await sqlOf(sharedContext)) as Knex
    await sql.raw("SELECT pg_advisory_xact_lock(hashtext(?))", [ROLLUP_LOCK])
    const done = await this.settingsStore_.readState<{ through?: string }>(ROLLUP_STATE, sharedContext)
    const lastClosed = addDays(dayOf(new Date(now.getTime() - CLOSE_AFTER_MS)), -1)
    const first = done?.through ? addDays(done.through, 1) : await this.firstEventDay_(sql)
    if (!first || first > lastClosed) return { through: done?.through ?? null, days: 0 }
    let through = addDays(first, maxDays - 1)
    if (through > lastClosed) through = lastClosed

    await sql.raw(
      `INSERT INTO distribution_daily_stat (id, day, scope, scope_key, currency_code, ${COLUMNS},
              ${MONEY.map((m) => `raw_${m}`).join(", ")})
       SELECT 'dstat_' || upper(md5(random()::text || clock_timestamp()::text || r.day || r.scope || r.scope_key || r.currency_code)),
              (r.day::date)::timestamp AT TIME ZONE 'UTC', r.scope, r.scope_key, r.currency_code, ${COLUMNS},
              ${MONEY.map((m) => `jsonb_build_object('value', r.${m}::text, 'precision', 20)`).join(", ")}
         FROM (${dayRowsSql(":start", ":end")}) r`,
      { start: startOf(first), end: startOf(addDays(through, 1)) }
    )
    await this.settingsStore_.writeState(ROLLUP_STATE, { through }, sharedContext)
    const days = Math.round((startOf(through).getTime() - startOf(first).getTime()) / DAY_MS) + 1
    return { through, days }
  }

  /**
   * The overview of the UTC days `from`..`to` (both included). The live days are computed
   * once; the rolled-up days are read per scope: the store's and the levels' rows (one per
   * day), the sellers' order counts (to rank them and count who sold), and the top sellers'
   * own rows through their index.
   */
  @InjectManager()
  async overview(
    { from, to, limit = 10 }: { from: string; to: string; limit?: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<AdminStatsResponse> {
    const knex = this.knex_(sharedContext)
    const rolled = await this.rolledUpThrough(sharedContext)
    const start = startOf(from)
    const end = startOf(addDays(to, 1))
    // Days up to `rolled` come from the rollup ([start, rolledEnd)), later ones live ([liveStart, end)).
    const rolledEnd = rolled && rolled >= from ? startOf(addDays(rolled < to ? rolled : to, 1)) : start
    const liveStart = rolledEnd
    const window = { start, rolledEnd }

    const live: StatRow[] =
      liveStart < end ? (await knex.raw(`SELECT * FROM (${dayRowsSql(":start", ":end")}) r`, { start: liveStart, end })).rows : []
    const liveSellers = new Map<string, number>()
    for (const r of live) if (r.scope === "seller") liveSellers.set(r.scope_key, (liveSellers.get(r.scope_key) ?? 0) + Number(r.orders))

    const [storeRows, sellers, inactiveSellers, distributors, balances] = await Promise.all([
      knex.raw(
        `SELECT to_char(day AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, scope::text AS scope, scope_key, currency_code, ${COLUMNS}
           FROM distribution_daily_stat
          WHERE scope IN ('all', 'level') AND day >= :start AND day < :rolledEnd AND deleted_at IS NULL`,
        window
      ),
      // Sellers ranked by orders, with how many sold at all (count over every group).
      knex.raw(
        `WITH per AS (
           SELECT id, SUM(orders) AS orders FROM (
             SELECT scope_key AS id, orders FROM distribution_daily_stat
              WHERE scope = 'seller' AND day >= :start AND day < :rolledEnd AND deleted_at IS NULL
             UNION ALL
             SELECT id, orders FROM jsonb_to_recordset(:live::jsonb) AS l(id text, orders int)
           ) o GROUP BY id
         )
         SELECT id, orders, COUNT(*) OVER () AS sellers FROM per WHERE orders > 0 ORDER BY orders DESC, id LIMIT :top`,
        { ...window, live: JSON.stringify([...liveSellers].map(([id, orders]) => ({ id, orders }))), top: limit }
      ),
      // Of those, the ones not active now: probed from the (few) inactive distributors' side, so
      // the cost follows them, not the number of sellers.
      knex.raw(
        `SELECT COUNT(*) AS n FROM distribution_distributor x
          WHERE x.status IN ('pending', 'rejected', 'suspended') AND x.deleted_at IS NULL
            AND (x.id = ANY(:liveIds) OR EXISTS (
              SELECT 1 FROM distribution_daily_stat s
               WHERE s.scope = 'seller' AND s.scope_key = x.id AND s.day >= :start AND s.day < :rolledEnd
                 AND s.orders > 0 AND s.deleted_at IS NULL))`,
        { ...window, liveIds: [...liveSellers].filter(([, n]) => n > 0).map(([id]) => id) }
      ),
      knex.raw(
        `SELECT COUNT(*) FILTER (WHERE created_at < :end) AS total,
                COUNT(*) FILTER (WHERE created_at < :end AND status = 'active') AS active,
                COUNT(*) FILTER (WHERE created_at >= :start AND created_at < :end) AS new
           FROM distribution_distributor WHERE deleted_at IS NULL`,
        { start, end }
      ),
      this.balances_(knex, rolled),
    ])

    const rows = [...(storeRows.rows as StatRow[]), ...live.filter((r) => r.scope === "all" || r.scope === "level")]
    const all = rows.filter((r) => r.scope === "all")
    const sums = (list: StatRow[], field: Money) => amounts(list.filter((r) => r.currency_code !== ""), field)
    const count = (list: StatRow[], field: Count) => list.reduce((n, r) => n + Number(r[field]), 0)

    const series: AdminStatsSeriesPoint[] = []
    for (let day = from; day <= to; day = addDays(day, 1)) {
      const today = all.filter((r) => r.day === day)
      series.push({ date: day, orders: count(today, "orders"), gmv: sums(today, "gmv"), commission: sums(today, "accrued") })
    }

    const levelRows = rows.filter((r) => r.scope === "level")
    const levels: AdminStatsLevel[] = [...new Set(levelRows.map((r) => Number(r.scope_key)))]
      .sort((a, b) => a - b)
      .map((level) => {
        const list = levelRows.filter((r) => Number(r.scope_key) === level)
        return {
          level,
          commissions: count(list, "commissions"),
          accrued: sums(list, "accrued"),
          reversed: sums(list, "reversed"),
          settled: sums(list, "settled"),
        }
      })

    const gmv = sums(all, "gmv")
    const share_of_gmv = gmv.map(({ currency_code }) => {
      const net = MathBN.sub(exactSum(all, "accrued", currency_code), exactSum(all, "reversed", currency_code))
      return { currency_code, value: fraction(net, exactSum(all, "gmv", currency_code)) }
    })

    const ranked = sellers.rows as { id: string; orders: string; sellers: string }[]
    const selling = Number(ranked[0]?.sellers ?? 0) - Number(inactiveSellers.rows[0]?.n ?? 0)
    const top = await this.describeTop_(knex, ranked.map((r) => r.id), window, live)

    const d = distributors.rows[0] as { total: string; active: string; new: string }
    const active = Number(d.active)
    const orders = count(all, "orders")
    const visits = count(all, "visits")
    const carts = count(all, "carts")
    return {
      range: { from, to, days: Math.round((end.getTime() - start.getTime()) / DAY_MS) },
      distributors: { total: Number(d.total), active, new: Number(d.new) },
      active_rate: active > 0 ? ratio(selling, active) : null,
      orders,
      gmv,
      commission: { accrued: sums(all, "accrued"), reversed: sums(all, "reversed"), settled: sums(all, "settled"), share_of_gmv },
      balances,
      visits,
      conversion: {
        visits,
        carts,
        orders,
        visit_to_cart: ratio(carts, visits),
        cart_to_order: ratio(orders, carts),
        visit_to_order: ratio(orders, visits),
      },
      series,
      top,
      levels,
      rolled_up_through: rolled,
    }
  }

  /** The top sellers, in rank order: their orders and GMV as sellers, and what they earned on every level. */
  protected async describeTop_(
    knex: Knex,
    ids: string[],
    window: { start: Date; rolledEnd: Date },
    live: StatRow[]
  ): Promise<AdminStatsTopDistributor[]> {
    if (!ids.length) return []
    const [own, who] = await Promise.all([
      knex.raw(
        `SELECT scope::text AS scope, scope_key, currency_code, ${COLUMNS}
           FROM distribution_daily_stat
          WHERE scope IN ('seller', 'earner') AND scope_key = ANY(:ids) AND day >= :start AND day < :rolledEnd AND deleted_at IS NULL`,
        { ...window, ids }
      ),
      knex("distribution_distributor").select("id", "code", "display_name", "status").whereIn("id", ids),
    ])
    const rows = [...(own.rows as StatRow[]), ...live.filter((r) => (r.scope === "seller" || r.scope === "earner") && ids.includes(r.scope_key))]
    const described = who as { id: string; code: string; display_name: string | null; status: string }[]
    return ids.map((id) => {
      const sold = rows.filter((r) => r.scope === "seller" && r.scope_key === id)
      const earned = rows.filter((r) => r.scope === "earner" && r.scope_key === id)
      const person = described.find((d) => d.id === id)
      return {
        distributor_id: id,
        code: person?.code ?? null,
        display_name: person?.display_name ?? null,
        status: person?.status ?? null,
        orders: sold.reduce((n, r) => n + Number(r.orders), 0),
        gmv: amounts(sold, "gmv"),
        commission: [...new Set(earned.map((r) => r.currency_code))].sort().map((c) =>
          amountOf(c, MathBN.sub(exactSum(earned, "accrued", c), exactSum(earned, "reversed", c)))
        ),
      }
    })
  }

  /**
   * Every wallet now: open commission by status, and the ledger and payouts of all time
   * (the rolled-up days' sums plus the raw rows after them).
   */
  protected async balances_(knex: Knex, rolled: string | null): Promise<AdminStatsBalance[]> {
    const after = rolled ? startOf(addDays(rolled, 1)) : new Date(0)
    const { rows } = await knex.raw(
      `SELECT currency_code, SUM(pending) AS pending, SUM(frozen) AS frozen, SUM(available) AS available, SUM(withdrawn) AS withdrawn
         FROM (
           SELECT currency_code, CASE WHEN status = 'pending' THEN amount ELSE 0 END AS pending,
                  CASE WHEN status = 'frozen' THEN amount ELSE 0 END AS frozen, 0 AS available, 0 AS withdrawn
             FROM distribution_commission WHERE status IN ('pending', 'frozen') AND deleted_at IS NULL
           UNION ALL
           SELECT currency_code, 0, 0, ledger, withdrawn FROM distribution_daily_stat
            WHERE scope = 'all' AND currency_code <> '' AND day < :after AND deleted_at IS NULL
           UNION ALL
           SELECT currency_code, 0, 0, amount, 0 FROM distribution_ledger_entry WHERE created_at >= :after AND deleted_at IS NULL
           UNION ALL
           SELECT currency_code, 0, 0, 0, amount FROM distribution_withdrawal
            WHERE status = 'paid' AND paid_at >= :after AND deleted_at IS NULL
         ) money
        GROUP BY currency_code
        ORDER BY currency_code`,
      { after }
    )
    return (rows as Record<string, string>[]).map((r) => ({
      currency_code: r.currency_code,
      pending: amountOf(r.currency_code, r.pending).amount,
      frozen: amountOf(r.currency_code, r.frozen).amount,
      available: amountOf(r.currency_code, r.available).amount,
      withdrawn: amountOf(r.currency_code, r.withdrawn).amount,
    }))
  }

  /** The first day with any event, where a first rollup starts. */
  protected async firstEventDay_(knex: Knex): Promise<string | null> {
    const { rows } = await knex.raw(
      `SELECT LEAST(
         (SELECT MIN(created_at) FROM distribution_order_attribution WHERE deleted_at IS NULL AND distributor_id IS NOT NULL),
         (SELECT MIN(created_at) FROM distribution_commission WHERE deleted_at IS NULL),
         (SELECT MIN(created_at) FROM distribution_ledger_entry WHERE deleted_at IS NULL),
         (SELECT MIN(paid_at) FROM distribution_withdrawal WHERE deleted_at IS NULL AND paid_at IS NOT NULL),
         (SELECT MIN(created_at) FROM distribution_code_visit WHERE deleted_at IS NULL),
         (SELECT MIN(created_at) FROM distribution_cart_code WHERE deleted_at IS NULL)
       ) AS first`
    )
    const first = rows[0]?.first as Date | null
    return first ? dayOf(new Date(first)) : null
  }
}

const amountOf = (currency_code: string, value: Parameters<typeof MathBN.convert>[0]): CurrencyAmount => ({
  currency_code,
  amount: roundHalfUp(value ?? 0, currencyPrecision(currency_code)).toNumber(),
})

const exactSum = (rows: { currency_code: string }[], field: Money, currency: string) =>
  rows.filter((r) => r.currency_code === currency).reduce((s, r) => MathBN.add(s, (r as unknown as Record<Money, string>)[field] ?? 0), MathBN.convert(0))

/** Exact per-currency sums of one money field, rounded once each; currencies in code order. */
function amounts(rows: { currency_code: string }[], field: Money): CurrencyAmount[] {
  const currencies = [...new Set(rows.map((r) => r.currency_code))].filter((c) => c !== "").sort()
  return currencies.map((c) => amountOf(c, exactSum(rows, field, c)))
}

const ratio = (num: number, den: number) => (den > 0 ? Math.round((num / den) * 10000) / 10000 : null)

const fraction = (num: ReturnType<typeof MathBN.convert>, den: ReturnType<typeof MathBN.convert>) =>
  den.isZero() ? null : num.div(den).decimalPlaces(4, 4).toNumber()
