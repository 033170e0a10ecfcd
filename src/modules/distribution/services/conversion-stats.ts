import { Context, DAL } from "@medusajs/framework/types"
import { InjectManager, MedusaContext } from "@medusajs/framework/utils"
import { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { Knex } from "@medusajs/framework/mikro-orm/knex"
import { currencyPrecision, roundHalfUp } from "../calculations"

export type CurrencyAmount = { currency_code: string; amount: number }

/** The funnel of one slice (a distributor, a link, a product): visits → carts → orders → goods value kept. */
export type FunnelCounts = { visits: number; carts: number; orders: number; kept_gmv: CurrencyAmount[] }

export type LinkFunnel = FunnelCounts & { code: string }

export type ConversionRange = { from?: Date | null; to?: Date | null; distributor_id?: string | null; limit?: number }

export type ConversionStats = FunnelCounts & {
  /** Fractions (0–1), null when the denominator is 0. */
  rates: { visit_to_cart: number | null; cart_to_order: number | null; visit_to_order: number | null }
  by_distributor: (FunnelCounts & { distributor_id: string })[]
  by_link: (FunnelCounts & { code: string; distributor_id: string; share_link_id: string | null; product_id: string | null })[]
  by_product: (FunnelCounts & { product_id: string })[]
  by_level: { level: number; orders: number; kept_gmv: CurrencyAmount[]; commission: CurrencyAmount[] }[]
}

type Filter = { from?: Date | null; to?: Date | null; distributor_id?: string | null; codes?: string[] }

/**
 * Every attributed order's lines with the goods value the merchant keeps on each: the
 * commission base of the order's lowest paid level (after discounts, returns and refunds;
 * no tax, no shipping), or, for an order that pays no commission, the lines' value when
 * it was placed.
 */
const ORDER_LINES_SQL = `
  SELECT a.order_id, a.distributor_id, a.code, a.currency_code,
         l.line->>'product_id' AS product_id,
         COALESCE((l.line->>'base')::numeric, 0) AS kept
    FROM filtered_attribution a
    LEFT JOIN LATERAL (
      SELECT c.lines FROM distribution_commission c
       WHERE c.order_id = a.order_id AND c.deleted_at IS NULL AND jsonb_typeof(c.lines) = 'array'
       ORDER BY c.level LIMIT 1
    ) fc ON true
    CROSS JOIN LATERAL jsonb_array_elements(
      COALESCE(
        fc.lines,
        (SELECT COALESCE(jsonb_agg(v.value || jsonb_build_object('base', v.value->'net')), '[]'::jsonb)
           FROM jsonb_each(CASE WHEN jsonb_typeof(a.lines) = 'object' THEN a.lines ELSE '{}'::jsonb END) v)
      )
    ) AS l(line)`

/**
 * Conversion of share links, from the funnel's raw events (visits, carts with a code) and
 * the frozen attributions and commissions of orders: per distributor, per link, per
 * product and per level. Read-only; for the admin overview and "my links".
 */
export class ConversionStatsService {
  protected readonly baseRepository_: DAL.RepositoryService

  constructor({ baseRepository }: { baseRepository: DAL.RepositoryService }) {
    this.baseRepository_ = baseRepository
  }

  protected knex_(sharedContext: Context): Knex {
    const manager = (sharedContext.transactionManager ?? sharedContext.manager) as SqlEntityManager
    return (manager.getTransactionContext() ?? manager.getKnex()) as Knex
  }

  /** Visits, carts, orders and kept value per code, for one distributor's codes (its "my links"). */
  @InjectManager()
  async linkFunnels(distributorId: string, codes: string[], @MedusaContext() sharedContext: Context = {}): Promise<LinkFunnel[]> {
    if (!codes.length) return []
    const filter: Filter = { distributor_id: distributorId, codes }
    const knex = this.knex_(sharedContext)
    const [visits, carts, orders, gmv] = await Promise.all([
      this.countEvents_(knex, "distribution_code_visit", "code", filter),
      this.countEvents_(knex, "distribution_cart_code", "code", filter),
      this.countOrders_(knex, "a.code", filter),
      this.sumKept_(knex, "code", filter),
    ])
    return codes.map((code) => ({
      code,
      visits: visits.get(code) ?? 0,
      carts: carts.get(code) ?? 0,
      orders: orders.get(code) ?? 0,
      kept_gmv: gmv.get(code) ?? [],
    }))
  }

  /**
   * The store's funnel in a date range (visits, carts and orders by when they happened),
   * with the top `limit` distributors, links and products by orders, and the split per level.
   */
  @InjectManager()
  async conversionStats(range: ConversionRange = {}, @MedusaContext() sharedContext: Context = {}): Promise<ConversionStats> {
    const knex = this.knex_(sharedContext)
    const filter: Filter = { from: range.from, to: range.to, distributor_id: range.distributor_id }
    const limit = range.limit ?? 20

    const [visitsBy, cartsBy, ordersBy, gmvBy] = await Promise.all([
      this.countEvents_(knex, "distribution_code_visit", "distributor_id", filter),
      this.countEvents_(knex, "distribution_cart_code", "distributor_id", filter),
      this.countOrders_(knex, "a.distributor_id", filter),
      this.sumKept_(knex, "distributor_id", filter),
    ])
    const [linkVisits, linkCarts, linkOrders, linkGmv] = await Promise.all([
      this.countEvents_(knex, "distribution_code_visit", "code", filter),
      this.countEvents_(knex, "distribution_cart_code", "code", filter),
      this.countOrders_(knex, "a.code", filter),
      this.sumKept_(knex, "code", filter),
    ])
    const [productVisits, productCarts, productOrders, productGmv] = await Promise.all([
      this.countEvents_(knex, "distribution_code_visit", "product_id", filter),
      this.countEvents_(knex, "distribution_cart_code", "product_id", filter),
      this.countProductOrders_(knex, filter),
      this.sumKept_(knex, "product_id", filter),
    ])

    const funnel = (key: string, v: Map<string, number>, c: Map<string, number>, o: Map<string, number>, g: Map<string, CurrencyAmount[]>) => ({
      visits: v.get(key) ?? 0,
      carts: c.get(key) ?? 0,
      orders: o.get(key) ?? 0,
      kept_gmv: g.get(key) ?? [],
    })
    const keys = (...maps: Map<string, unknown>[]) => [...new Set(maps.flatMap((m) => [...m.keys()]))].filter((k) => k !== "")
    const top = <T extends FunnelCounts>(rows: T[]) =>
      rows.sort((a, b) => b.orders - a.orders || b.carts - a.carts || b.visits - a.visits).slice(0, limit)

    const [links, totalGmv] = await Promise.all([
      this.describeCodes_(knex, keys(linkVisits, linkCarts, linkOrders)),
      this.sumKept_(knex, "currency_code", filter),
    ])
    const totals = {
      visits: sumOf(visitsBy),
      carts: sumOf(cartsBy),
      orders: sumOf(ordersBy),
      kept_gmv: [...totalGmv.values()].flat(),
    }

    return {
      ...totals,
      rates: {
        visit_to_cart: ratio(totals.carts, totals.visits),
        cart_to_order: ratio(totals.orders, totals.carts),
        visit_to_order: ratio(totals.orders, totals.visits),
      },
      by_distributor: top(
        keys(visitsBy, cartsBy, ordersBy).map((id) => ({ distributor_id: id, ...funnel(id, visitsBy, cartsBy, ordersBy, gmvBy) }))
      ),
      by_link: top(
        keys(linkVisits, linkCarts, linkOrders)
          .filter((code) => links.has(code))
          .map((code) => ({ code, ...links.get(code)!, ...funnel(code, linkVisits, linkCarts, linkOrders, linkGmv) }))
      ),
      by_product: top(
        keys(productVisits, productCarts, productOrders).map((id) => ({
          product_id: id,
          ...funnel(id, productVisits, productCarts, productOrders, productGmv),
        }))
      ),
      by_level: await this.levels_(knex, filter),
    }
  }

  protected async countEvents_(knex: Knex, table: string, key: string, filter: Filter): Promise<Map<string, number>> {
    const query = knex(table).select(knex.raw("COALESCE(??, '') AS key", [key])).count("* as count").whereNull("deleted_at").groupBy("key")
    if (filter.distributor_id) query.where("distributor_id", filter.distributor_id)
    if (filter.codes) query.whereIn("code", filter.codes)
    if (filter.from) query.where("created_at", ">=", filter.from)
    if (filter.to) query.where("created_at", "<", filter.to)
    const rows = (await query) as unknown as { key: string; count: string }[]
    return new Map(rows.map((r) => [r.key, Number(r.count)]))
  }

  protected attributions_(knex: Knex, filter: Filter) {
    const query = knex("distribution_order_attribution")
      .select("order_id", "distributor_id", "code", "currency_code", "lines")
      .whereNull("deleted_at")
      .whereNotNull("distributor_id")
    if (filter.distributor_id) query.where("distributor_id", filter.distributor_id)
    if (filter.codes) query.whereIn("code", filter.codes)
    if (filter.from) query.where("created_at", ">=", filter.from)
    if (filter.to) query.where("created_at", "<", filter.to)
    return query
  }

  protected async countOrders_(knex: Knex, key: string, filter: Filter): Promise<Map<string, number>> {
    const rows = (await knex
      .with("filtered_attribution", this.attributions_(knex, filter))
      .select(knex.raw("COALESCE(??, '') AS key", [key]))
      .count("* as count")
      .from("filtered_attribution as a")
      .groupBy("key")) as unknown as { key: string; count: string }[]
    return new Map(rows.map((r) => [r.key, Number(r.count)]))
  }

  protected async countProductOrders_(knex: Knex, filter: Filter): Promise<Map<string, number>> {
    const { rows } = await knex.raw(
      `WITH filtered_attribution AS (${this.attributions_(knex, filter).toQuery()})
       SELECT COALESCE(product_id, '') AS key, COUNT(DISTINCT order_id) AS count FROM (${ORDER_LINES_SQL}) lines GROUP BY key`
    )
    return new Map((rows as { key: string; count: string }[]).map((r) => [r.key, Number(r.count)]))
  }

  /** Kept goods value per key and currency, rounded once per sum to the currency's precision. */
  protected async sumKept_(knex: Knex, key: "code" | "distributor_id" | "product_id" | "currency_code", filter: Filter): Promise<Map<string, CurrencyAmount[]>> {
    const { rows } = await knex.raw(
      `WITH filtered_attribution AS (${this.attributions_(knex, filter).toQuery()})
       SELECT COALESCE(??, '') AS key, currency_code, SUM(kept) AS kept FROM (${ORDER_LINES_SQL}) lines
        GROUP BY key, currency_code ORDER BY currency_code`,
      [key]
    )
    const out = new Map<string, CurrencyAmount[]>()
    for (const row of rows as { key: string; currency_code: string; kept: string }[]) {
      const list = out.get(row.key) ?? []
      list.push(amountOf(row.currency_code, row.kept))
      out.set(row.key, list)
    }
    return out
  }

  /** Per level: orders paying it, their kept value, and the commission it pays now. */
  protected async levels_(knex: Knex, filter: Filter) {
    const { rows } = await knex.raw(
      `WITH filtered_attribution AS (${this.attributions_(knex, filter).toQuery()})
       SELECT c.level, c.currency_code, COUNT(*) AS orders, SUM(c.amount) AS commission,
              SUM((SELECT COALESCE(SUM((l->>'base')::numeric), 0)
                     FROM jsonb_array_elements(CASE WHEN jsonb_typeof(c.lines) = 'array' THEN c.lines ELSE '[]'::jsonb END) l)) AS kept
         FROM distribution_commission c
         JOIN filtered_attribution a ON a.order_id = c.order_id
        WHERE c.deleted_at IS NULL
        GROUP BY c.level, c.currency_code
        ORDER BY c.level, c.currency_code`
    )
    const levels = new Map<number, ConversionStats["by_level"][number]>()
    for (const row of rows as { level: number; currency_code: string; orders: string; commission: string; kept: string }[]) {
      const level = levels.get(row.level) ?? { level: row.level, orders: 0, kept_gmv: [], commission: [] }
      level.orders += Number(row.orders)
      level.kept_gmv.push(amountOf(row.currency_code, row.kept))
      level.commission.push(amountOf(row.currency_code, row.commission))
      levels.set(row.level, level)
    }
    return [...levels.values()]
  }

  /** Which distributor and link (store-wide or product) each code is. */
  protected async describeCodes_(knex: Knex, codes: string[]) {
    const out = new Map<string, { distributor_id: string; share_link_id: string | null; product_id: string | null }>()
    if (!codes.length) return out
    const [own, links] = await Promise.all([
      knex("distribution_distributor").select("id", "code").whereIn("code", codes).whereNull("deleted_at"),
      knex("distribution_share_link").select("id", "code", "distributor_id", "product_id").whereIn("code", codes).whereNull("deleted_at"),
    ])
    for (const d of own as { id: string; code: string }[]) out.set(d.code, { distributor_id: d.id, share_link_id: null, product_id: null })
    for (const l of links as { id: string; code: string; distributor_id: string; product_id: string }[]) {
      out.set(l.code, { distributor_id: l.distributor_id, share_link_id: l.id, product_id: l.product_id })
    }
    return out
  }
}

const sumOf = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0)
const ratio = (num: number, den: number) => (den > 0 ? Math.round((num / den) * 10000) / 10000 : null)
const amountOf = (currency_code: string, value: string): CurrencyAmount => ({
  currency_code,
  amount: roundHalfUp(value ?? 0, currencyPrecision(currency_code)).toNumber(),
})

