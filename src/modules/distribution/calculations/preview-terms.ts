import { MathBN } from "@medusajs/framework/utils"
import { CampaignDefinition, LineTerms, ProductFacts, RuleDefinition, termsForLine } from "./line-terms"
import { OrderSyncState, planOrderCommissions } from "./plan-order-commissions"
import { CalculatedCommission } from "./types"

/** A set of commission terms to try: product rules, campaigns, and grade rates per distributor. */
export type TermSet = {
  rules: RuleDefinition[]
  campaigns: CampaignDefinition[]
  /** Level rates a distributor would earn through their grade under this set (by distributor id). */
  grade_rates?: Record<string, string[]>
}

/**
 * What an attributed order would pay now under a set of terms, as if they had been in force
 * when it was placed: the same kept goods and chain, the set's grade rates for each level, and
 * the set's rules and campaigns on every line. Pure; the order's frozen terms are not touched.
 */
export function commissionsUnder(state: OrderSyncState, products: Record<string, ProductFacts>, set: TermSet): CalculatedCommission[] {
  const frozen = state.frozen
  if (!frozen || !frozen.terms.length) return []
  // Not capped here: the split caps each line, after a campaign's multiplier, as at placement
  // (capping first would multiply the capped rate, and pay less than the order would).
  const levels = frozen.terms.map((t) => {
    const rates = set.grade_rates?.[t.distributor_id]
    const rate = rates?.[t.level - 1]
    return rate === undefined ? t : { ...t, rate, source: "grade:draft" }
  })
  const at = new Date(state.order.created_at)
  const line_terms: Record<string, LineTerms> = {}
  for (const [lineId, line] of Object.entries(frozen.lines)) {
    const terms = termsForLine({
      product: line.product_id ? products[line.product_id] ?? null : null,
      levels,
      rules: set.rules,
      campaigns: set.campaigns,
      currency_code: state.order.currency_code,
      at,
    })
    if (terms) line_terms[lineId] = terms
  }
  const plan = planOrderCommissions({
    ...state,
    frozen: { ...frozen, terms: levels, line_terms },
    rule_context: { rules: set.rules, campaigns: set.campaigns, products },
  })
  return plan.expected
}

export type PreviewTotals = {
  currency_code: string
  orders: number
  /** The kept goods value of the orders (what commission is a share of). */
  gmv: string
  total: string
  levels: { level: number; amount: string }[]
  share_of_gmv: string
}

/** Sums per currency: total, per level, and the share of the kept goods value. */
export function totalsOf(orders: { currency_code: string; gmv: string; commissions: CalculatedCommission[] }[]): PreviewTotals[] {
  const byCurrency = new Map<string, { orders: number; gmv: ReturnType<typeof MathBN.convert>; levels: Map<number, ReturnType<typeof MathBN.convert>> }>()
  for (const order of orders) {
    const entry = byCurrency.get(order.currency_code) ?? { orders: 0, gmv: MathBN.convert(0), levels: new Map() }
    entry.orders += 1
    entry.gmv = MathBN.add(entry.gmv, order.gmv)
    for (const c of order.commissions) entry.levels.set(c.level, MathBN.add(entry.levels.get(c.level) ?? 0, c.amount))
    byCurrency.set(order.currency_code, entry)
  }
  return [...byCurrency.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency_code, entry]) => {
      const levels = [...entry.levels.entries()].sort(([a], [b]) => a - b).map(([level, amount]) => ({ level, amount: amount.toString() }))
      const total = MathBN.sum(0, ...levels.map((l) => l.amount))
      return {
        currency_code,
        orders: entry.orders,
        gmv: entry.gmv.toString(),
        total: total.toString(),
        levels,
        // Four decimals: a share, not money.
        share_of_gmv: MathBN.gt(entry.gmv, 0) ? MathBN.div(total, entry.gmv).decimalPlaces(4).toString() : "0",
      }
    })
}
