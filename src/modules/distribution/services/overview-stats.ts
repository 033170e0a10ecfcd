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
const HOUR_MS = 3_600_000
/** An event is rolled up once this old: a transaction open when it was written has committed by then. */
const CLOSE_AFTER_MS = 2 * HOUR_MS
/** The trailing ranges (in days, ending on the rollup's last day) whose sellers the rollup ranks ahead: the dashboard's 30 days and its neighbours. */
const SELLER_WINDOWS = [7, 30, 90]
const TOP = 10
const ROLLUP_STATE = "daily_stats"
const ROLLUP_LOCK = "distribution_daily_stat"
const MONEY = ["gmv", "accrued", "reversed", "settled", "ledger", "withdrawn"] as const
const COUNTS = ["orders", "commissions", "visits", "carts"] as const

type Money = (typeof MONEY)[number]
type Count = (typeof COUNTS)[number]
type StatRow = { day: string; scope: string; scope_key: string; currency_code: string } & Record<Money | Count, string>
type Ranked = { id: string; orders: number }
/**
 * The sellers of the rolled-up days `from`..`until`: how many sold, how many of them were not
 * active at the rollup (`inactive`), and the first `TOP` by orders (then id).
 */
type SellerWindow = { from: string; sellers: number; inactive: number; top: Ranked[] }
/**
 * How far the rollup got: every event before `until` is in the daily rows (the last day
 * possibly in part), `through` is the last whole day, `windows` rank the sellers of the
 * trailing ranges ending at `until`, and `distributors` counts the distributors (all, active)
 * as `distribution_distributor_stat` saw them at `seen`.
 */
type RollupState = {
  through?: string | null
  until?: string
  windows?: SellerWindow[]
  seen?: string
  distributors?: { all: number; active: number }
}
/** Distributors changed this long before the rollup looked (or the oldest transaction open then began) are checked again: clocks apart. */
const RECHECK_MS = 60_000
const INACTIVE = "('pending', 'rejected', 'suspended')"

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
 * The admin overview (`GET /admin/distribution/stats`). Closed hours come from the daily
 * rollup (`distribution_daily_stat`, kept by the `distribution-rollup-stats` job), the few
 * hours after it are computed from the raw rows through their `created_at` indexes, so a
 * range costs what its days cost, not what the store's history does.
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

  /** The last wholly rolled-up UTC day, or null. */
  @InjectManager()
  async rolledUpThrough(@MedusaContext() sharedContext: Context = {}): Promise<string | null> {
    const state = await this.settingsStore_.readState<RollupState>(ROLLUP_STATE, sharedContext)
    return state?.through ?? null
  }

  /**
   * Rolls up every event at least two hours old (so a transaction still open then is
   * counted) not rolled up yet, oldest first, up to `maxDays` days of them, adding them to
   * their days' rows; a day is whole once its last hour is in. Then keeps each seller's last
   * day and each distributor's status (`distribution_distributor_stat`), and ranks the
   * sellers of the trailing ranges ending now. Safe on two workers at once: the second waits on the lock, then finds the hours
   * done. Answers the last whole day rolled up and how many days this run completed.
   * Without a state (first run, or the state deleted to rebuild) it starts over from the
   * first event.
   */
  @InjectTransactionManager()
  async rollup(
    { now = new Date(), maxDays = 366 }: { now?: Date; maxDays?: number } = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ through: string | null; days: number }> {
    const sql = (await sqlOf(sharedContext)) as Knex
    await sql.raw("SELECT pg_advisory_xact_lock(hashtext(?))", [ROLLUP_LOCK])
    const done = await this.settingsStore_.readState<RollupState>(ROLLUP_STATE, sharedContext)
    const resumeAt = rolledUntil(done)
    let from = resumeAt
    if (!from) {
      const first = await this.firstEventDay_(sql)
      if (!first) return { through: null, days: 0 }
      from = startOf(first)
      // Starting over: what an earlier rollup left is rebuilt, never added to twice.
      await sql.raw("DELETE FROM distribution_daily_stat")
      await sql.raw("DELETE FROM distribution_distributor_stat")
    }
    const closed = now.getTime() - CLOSE_AFTER_MS
    const until = new Date(Math.min(closed, from.getTime() + maxDays * DAY_MS))
    if (until <= from) return { through: done?.through ?? null, days: 0 }

    const add = (c: string) => `${c} = d.${c} + EXCLUDED.${c}`
    await sql.raw(
      `WITH r AS MATERIALIZED (${dayRowsSql(":start", ":end")}),
       stat AS (
         INSERT INTO distribution_daily_stat AS d (id, day, scope, scope_key, currency_code, ${COLUMNS},
                ${MONEY.map((m) => `raw_${m}`).join(", ")})
         SELECT 'dstat_' || upper(md5(random()::text || clock_timestamp()::text || r.day || r.scope || r.scope_key || r.currency_code)),
                (r.day::date)::timestamp AT TIME ZONE 'UTC', r.scope, r.scope_key, r.currency_code, ${COLUMNS},
                ${MONEY.map((m) => `jsonb_build_object('value', r.${m}::text, 'precision', 20)`).join(", ")}
           FROM r
         ON CONFLICT (scope, day, scope_key, currency_code) WHERE deleted_at IS NULL DO UPDATE SET
                ${[...COUNTS, ...MONEY].map(add).join(", ")},
                ${MONEY.map((m) => `raw_${m} = jsonb_build_object('value', (d.${m} + EXCLUDED.${m})::text, 'precision', 20)`).join(", ")},
                updated_at = now()
       )
       INSERT INTO distribution_distributor_stat AS l (id, distributor_id, last_sale)
       SELECT 'ddstat_' || upper(md5(random()::text || clock_timestamp()::text || r.scope_key)), r.scope_key, (MAX(r.day)::date)::timestamp AT TIME ZONE 'UTC'
         FROM r WHERE r.scope = 'seller' AND r.orders > 0 GROUP BY r.scope_key
       ON CONFLICT (distributor_id) WHERE deleted_at IS NULL DO UPDATE SET last_sale = GREATEST(l.last_sale, EXCLUDED.last_sale), updated_at = now()`,
      { start: from, end: until }
    )
    const seen = await this.refreshDistributors_(sql)

    // The last day wholly before `until`; days this run completed since the last whole day before it.
    const whole = addDays(dayOf(until), -1)
    const before = done?.through ?? addDays(dayOf(from), -1)
    const through = whole > before ? whole : (done?.through ?? null)
    const days = whole > before ? Math.round((startOf(whole).getTime() - startOf(before).getTime()) / DAY_MS) : 0
    const windows: SellerWindow[] = []
    for (const n of SELLER_WINDOWS) windows.push(await this.rankSellers_(sql, addDays(dayOf(until), -(n - 1))))
    await this.settingsStore_.writeState(ROLLUP_STATE, { through, until: until.toISOString(), windows, ...seen } satisfies RollupState, sharedContext)
    return { through, days }
  }

  /**
   * Brings every distributor's status in `distribution_distributor_stat` up to date (writing
   * only the changed ones) and counts them; answers when it looked and what it counted.
   */
  protected async refreshDistributors_(knex: Knex): Promise<Pick<RollupState, "seen" | "distributors">> {
    // When it looks, or when the oldest write still open then began: a change it cannot see yet is later than that.
    const { rows: at } = await knex.raw(
      `SELECT LEAST(clock_timestamp(), (SELECT MIN(xact_start) FROM pg_stat_activity
                                         WHERE backend_xid IS NOT NULL AND datname = current_database() AND pid <> pg_backend_pid())) AS seen`
    )
    await knex.raw(
      `INSERT INTO distribution_distributor_stat AS l (id, distributor_id, status)
       SELECT 'ddstat_' || upper(md5(random()::text || clock_timestamp()::text || x.id)), x.id, CASE WHEN x.deleted_at IS NULL THEN x.status END
         FROM distribution_distributor x
         LEFT JOIN distribution_distributor_stat s ON s.distributor_id = x.id AND s.deleted_at IS NULL
        WHERE s.id IS NULL OR s.status IS DISTINCT FROM CASE WHEN x.deleted_at IS NULL THEN x.status END
       ON CONFLICT (distributor_id) WHERE deleted_at IS NULL DO UPDATE SET status = EXCLUDED.status, updated_at = now()`
    )
    const { rows } = await knex.raw(
      `SELECT COUNT(status) AS all, COUNT(*) FILTER (WHERE status = 'active') AS active
         FROM distribution_distributor_stat WHERE deleted_at IS NULL`
    )
    return { seen: new Date(at[0].seen).toISOString(), distributors: { all: Number(rows[0].all), active: Number(rows[0].active) } }
  }

  /** The sellers of every rolled-up day from `from` on, ranked (see `SellerWindow`). */
  protected async rankSellers_(knex: Knex, from: string): Promise<SellerWindow> {
    const start = startOf(from)
    const [{ rows }, inactive] = [
      await knex.raw(
        `WITH per AS (
           SELECT scope_key AS id, SUM(orders) AS orders FROM distribution_daily_stat
            WHERE scope = 'seller' AND day >= :start AND deleted_at IS NULL
            GROUP BY scope_key HAVING SUM(orders) > 0
         )
         SELECT id, orders, COUNT(*) OVER () AS sellers FROM per ORDER BY orders DESC, id LIMIT :top`,
        { start, top: TOP }
      ),
      await knex.raw(
        `SELECT COUNT(*) AS n FROM distribution_distributor_stat
          WHERE status IN ${INACTIVE} AND last_sale >= :start AND deleted_at IS NULL`,
        { start }
      ),
    ]
    const ranked = rows as { id: string; orders: string; sellers: string }[]
    return {
      from,
      sellers: Number(ranked[0]?.sellers ?? 0),
      inactive: Number(inactive.rows[0]?.n ?? 0),
      top: ranked.map((r) => ({ id: r.id, orders: Number(r.orders) })),
    }
  }

  /**
   * The overview of the UTC days `from`..`to` (both included). The events after the rollup's
   * end are computed live, once; the rolled-up part is read per scope: the store's and the
   * levels' rows (one per day), the sellers (from the rollup's ranking when it kept one for
   * this range, else every seller's rows), and the top sellers' own rows through their index.
   */
  @InjectManager()
  async overview(
    { from, to, limit = 10 }: { from: string; to: string; limit?: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<AdminStatsResponse> {
    const knex = this.knex_(sharedContext)
    const state = await this.settingsStore_.readState<RollupState>(ROLLUP_STATE, sharedContext)
    const rolled = state?.through ?? null
    const until = rolledUntil(state)
    const start = startOf(from)
    const end = startOf(addDays(to, 1))
    // Events before `until` come from the daily rows ([start, rolledEnd)), later ones live ([rolledEnd, end)).
    const rolledEnd = until ? new Date(Math.min(Math.max(until.getTime(), start.getTime()), end.getTime())) : start
    const window = { start, rolledEnd }
    // The rollup's own end is in the range: a distributor sold in its part iff its last sale is.
    const reachesRollupEnd = !!until && until <= end
    const kept = reachesRollupEnd && limit <= TOP ? state?.windows?.find((w) => w.from === from) : undefined

    const live: StatRow[] =
      rolledEnd < end ? (await knex.raw(`SELECT * FROM (${dayRowsSql(":start", ":end")}) r`, { start: rolledEnd, end })).rows : []
    const liveSellers = new Map<string, number>()
    for (const r of live) if (r.scope === "seller") liveSellers.set(r.scope_key, (liveSellers.get(r.scope_key) ?? 0) + Number(r.orders))
    const liveIds = [...liveSellers].filter(([, n]) => n > 0).map(([id]) => id)
    const seen = state?.seen && state.distributors ? { at: new Date(state.seen), ...state.distributors } : null

    const [storeRows, sellers, inactiveSellers, distributors, balances] = await Promise.all([
      knex.raw(
        `SELECT to_char(day AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, scope::text AS scope, scope_key, currency_code, ${COLUMNS}
           FROM distribution_daily_stat
          WHERE scope IN ('all', 'level') AND day >= :start AND day < :rolledEnd AND deleted_at IS NULL`,
        window
      ),
      kept ? this.mergeSellers_(knex, kept, window, liveSellers) : this.rankAllSellers_(knex, window, liveSellers, limit),
      this.inactiveSellers_(knex, window, liveIds, reachesRollupEnd, kept, seen),
      this.distributorCounts_(knex, start, end, seen),
      this.balances_(knex, until),
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

    const selling = sellers.sellers - inactiveSellers
    const top = await this.describeTop_(knex, sellers.top.map((r) => r.id), window, live)

    const { total, active } = distributors
    const orders = count(all, "orders")
    const visits = count(all, "visits")
    const carts = count(all, "carts")
    return {
      range: { from, to, days: Math.round((end.getTime() - start.getTime()) / DAY_MS) },
      distributors: { total, active, new: distributors.new },
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

  /**
   * The distributors that sold in the range and are not active now. Probed from the (few)
   * inactive distributors' side, through their days, or with one lookup each when the range
   * reaches the rollup's end; from the rollup's own count when it kept this range's
   * ranking, corrected by the distributors changed since it looked.
   */
  protected async inactiveSellers_(
    knex: Knex,
    window: { start: Date; rolledEnd: Date },
    liveIds: string[],
    reachesRollupEnd: boolean,
    kept: SellerWindow | undefined,
    seen: { at: Date } | null
  ): Promise<number> {
    if (kept && seen) {
      const [changed, liveOnly] = await Promise.all([
        this.changedSince_(knex, seen.at),
        knex.raw(
          `SELECT COUNT(*) AS n FROM distribution_distributor x
             LEFT JOIN distribution_distributor_stat s ON s.distributor_id = x.id AND s.deleted_at IS NULL
            WHERE x.id = ANY(:liveIds) AND x.status IN ${INACTIVE} AND x.deleted_at IS NULL
              AND (s.last_sale IS NULL OR s.last_sale < :start)`,
          { ...window, liveIds }
        ),
      ])
      const sold = changed.filter((c) => c.last_sale && new Date(c.last_sale) >= window.start)
      const isInactive = (status: string | null) => status !== null && status !== "active"
      const correction = sold.reduce((n, c) => n + Number(isInactive(c.status)) - Number(isInactive(c.seen_status)), 0)
      return kept.inactive + correction + Number(liveOnly.rows[0]?.n ?? 0)
    }
    const { rows } = await knex.raw(
      `SELECT COUNT(*) AS n FROM distribution_distributor x
        WHERE x.status IN ${INACTIVE} AND x.deleted_at IS NULL
          AND (x.id = ANY(:liveIds) OR ${
            reachesRollupEnd
              ? `EXISTS (SELECT 1 FROM distribution_distributor_stat s WHERE s.distributor_id = x.id AND s.last_sale >= :start AND s.deleted_at IS NULL)`
              : `EXISTS (SELECT 1 FROM distribution_daily_stat s
                          WHERE s.scope = 'seller' AND s.scope_key = x.id AND s.day >= :start AND s.day < :rolledEnd
                            AND s.orders > 0 AND s.deleted_at IS NULL)`
          })`,
      { ...window, liveIds }
    )
    return Number(rows[0]?.n ?? 0)
  }

  /** The distributors changed since `at` (less `RECHECK_MS`) whose status the rollup saw otherwise, now and as it saw them. */
  protected async changedSince_(knex: Knex, at: Date) {
    const { rows } = await knex.raw(
      `SELECT x.id, x.status, s.status AS seen_status, s.last_sale
         FROM distribution_distributor x
         LEFT JOIN distribution_distributor_stat s ON s.distributor_id = x.id AND s.deleted_at IS NULL
        WHERE x.updated_at >= :since AND x.deleted_at IS NULL AND s.status IS DISTINCT FROM x.status`,
      { since: new Date(at.getTime() - RECHECK_MS) }
    )
    return rows as { id: string; status: string; seen_status: string | null; last_sale: Date | null }[]
  }

  /**
   * Distributors that existed at the end of the range, the ones of those active now, and the
   * ones created in it. All and active now come from the rollup's counts corrected by the
   * distributors changed since it looked (from the indexes alone without a rollup); those
   * created after the range are taken off.
   */
  protected async distributorCounts_(knex: Knex, start: Date, end: Date, seen: { at: Date; all: number; active: number } | null) {
    const [{ rows }, changed] = await Promise.all([
      knex.raw(
        `SELECT ${seen ? "" : `(SELECT COUNT(*) FROM distribution_distributor WHERE deleted_at IS NULL) AS all_now,
                (SELECT COUNT(*) FROM distribution_distributor WHERE deleted_at IS NULL AND status = 'active') AS active_now,`}
                (SELECT COUNT(*) FROM distribution_distributor WHERE deleted_at IS NULL AND created_at >= :start AND created_at < :end) AS new,
                (SELECT COUNT(*) FROM distribution_distributor WHERE deleted_at IS NULL AND created_at >= :end) AS later,
                (SELECT COUNT(*) FROM distribution_distributor WHERE deleted_at IS NULL AND created_at >= :end AND status = 'active') AS later_active`,
        { start, end }
      ),
      seen ? this.changedSince_(knex, seen.at) : Promise.resolve([]),
    ])
    const d = rows[0] as Record<"all_now" | "active_now" | "new" | "later" | "later_active", string>
    let all = Number(d.all_now)
    let active = Number(d.active_now)
    if (seen) {
      all = seen.all + changed.reduce((n, c) => n + 1 - Number(c.seen_status !== null), 0)
      active = seen.active + changed.reduce((n, c) => n + Number(c.status === "active") - Number(c.seen_status === "active"), 0)
    }
    return { total: all - Number(d.later), active: active - Number(d.later_active), new: Number(d.new) }
  }

  /** Every seller of the range ranked from its days (rolled up and live), with how many sold at all. */
  protected async rankAllSellers_(
    knex: Knex,
    window: { start: Date; rolledEnd: Date },
    liveSellers: Map<string, number>,
    limit: number
  ): Promise<{ sellers: number; top: Ranked[] }> {
    const { rows } = await knex.raw(
      `WITH per AS (
         SELECT id, SUM(orders) AS orders FROM (
           SELECT scope_key AS id, orders FROM distribution_daily_stat
            WHERE scope = 'seller' AND day >= :start AND day < :rolledEnd AND deleted_at IS NULL
           UNION ALL
           SELECT id, orders FROM jsonb_to_recordset(:live::jsonb) AS l(id text, orders int)
         ) o GROUP BY id
       )
       SELECT id, orders, COUNT(*) OVER () AS sellers FROM per WHERE orders > 0 ORDER BY orders DESC, id LIMIT :top`,
      { ...window, live: liveJson(liveSellers), top: limit }
    )
    const ranked = rows as { id: string; orders: string; sellers: string }[]
    return { sellers: Number(ranked[0]?.sellers ?? 0), top: ranked.map((r) => ({ id: r.id, orders: Number(r.orders) })) }
  }

  /**
   * The range's sellers from the rollup's ranking of its rolled-up part and the live sellers
   * after it. Exact: a seller outside the kept top and without live orders ranks below all of
   * the kept top, whose counts only grow; so the top is among the kept top and the live
   * sellers, each counted over the whole range. A live seller sells anew when it had no
   * rolled-up order.
   */
  protected async mergeSellers_(
    knex: Knex,
    kept: SellerWindow,
    window: { start: Date; rolledEnd: Date },
    liveSellers: Map<string, number>
  ): Promise<{ sellers: number; top: Ranked[] }> {
    if (!liveSellers.size) return { sellers: kept.sellers, top: kept.top }
    const { rows } = await knex.raw(
      `WITH live AS (SELECT id, orders FROM jsonb_to_recordset(:live::jsonb) AS l(id text, orders int) WHERE orders > 0),
            rolled AS (
              SELECT scope_key AS id, SUM(orders) AS orders FROM distribution_daily_stat
               WHERE scope = 'seller' AND scope_key IN (SELECT id FROM live) AND day >= :start AND day < :rolledEnd AND deleted_at IS NULL
               GROUP BY scope_key HAVING SUM(orders) > 0
            ),
            per AS (
              SELECT id, SUM(orders) AS orders FROM (
                SELECT id, orders FROM live
                UNION ALL SELECT id, orders FROM rolled
                UNION ALL SELECT id, orders FROM jsonb_to_recordset(:kept::jsonb) AS k(id text, orders int)
                           WHERE id NOT IN (SELECT id FROM rolled)
              ) o GROUP BY id
            )
       SELECT id, orders, (SELECT COUNT(*) FROM live WHERE id NOT IN (SELECT id FROM rolled)) AS fresh
         FROM per ORDER BY orders DESC, id LIMIT :top`,
      { ...window, live: liveJson(liveSellers), kept: JSON.stringify(kept.top), top: TOP }
    )
    const ranked = rows as { id: string; orders: string; fresh: string }[]
    return { sellers: kept.sellers + Number(ranked[0]?.fresh ?? 0), top: ranked.map((r) => ({ id: r.id, orders: Number(r.orders) })) }
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
   * Every wallet now: open commission by status (read from an index), and the ledger and
   * payouts of all time (the daily rows, which hold every event before `until`, plus the raw
   * rows from `until` on).
   */
  protected async balances_(knex: Knex, until: Date | null): Promise<AdminStatsBalance[]> {
    const after = until ?? new Date(0)
    const { rows } = await knex.raw(
      `SELECT currency_code, SUM(pending) AS pending, SUM(frozen) AS frozen, SUM(available) AS available, SUM(withdrawn) AS withdrawn
         FROM (
           SELECT currency_code, CASE WHEN status = 'pending' THEN amount ELSE 0 END AS pending,
                  CASE WHEN status = 'frozen' THEN amount ELSE 0 END AS frozen, 0 AS available, 0 AS withdrawn
             FROM (SELECT status, currency_code, SUM(amount) AS amount FROM distribution_commission
                    WHERE status IN ('pending', 'frozen') AND deleted_at IS NULL GROUP BY status, currency_code) open
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

/** Where the rolled-up events end (an older state only knew whole days); null before any rollup. */
function rolledUntil(state: RollupState | null): Date | null {
  if (state?.until) return new Date(state.until)
  return state?.through ? startOf(addDays(state.through, 1)) : null
}

const liveJson = (sellers: Map<string, number>) => JSON.stringify([...sellers].map(([id, orders]) => ({ id, orders })))

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
