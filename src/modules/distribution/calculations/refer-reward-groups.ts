import { MathBN } from "@medusajs/framework/utils"
import { currencyPrecision, roundHalfUp } from "./money"

/** A settled order a referred customer placed with a distributor, not counted by a reward yet. */
export type ReferredOrder = {
  order_id: string
  customer_id: string
  currency_code: string
  placed_at: Date
  /** The goods value the merchant kept (the level-1 commission's base), major units. */
  base: string
}

export type ReferRewardTerms = { n: number; window_days: number; cap: number | null }

export type ReferRewardGroup = {
  currency_code: string
  /** N orders from N different customers, oldest first, placed within `window_days` of the first. */
  orders: ReferredOrder[]
  /** The smallest of them: its value is what the reward credits (capped). */
  base_order: ReferredOrder
  amount: string
}

const DAY_MS = 86_400_000

/**
 * 推三返一, as arithmetic: in each currency, walking the orders oldest first, the first N
 * orders of N different customers placed within `window_days` of the earliest make one
 * reward; their orders are then used up, and the walk goes on with the rest. Deterministic
 * (it depends on the orders, not on when it runs), so a late or repeated run finds the same
 * groups. The reward is the smallest order's kept value, capped, rounded half-up once.
 */
export function referRewardGroups(orders: ReferredOrder[], terms: ReferRewardTerms): ReferRewardGroup[] {
  const byCurrency = new Map<string, ReferredOrder[]>()
  for (const o of orders) byCurrency.set(o.currency_code, [...(byCurrency.get(o.currency_code) ?? []), o])
  const groups: ReferRewardGroup[] = []
  for (const [currency_code, list] of [...byCurrency.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const sorted = [...list].sort((a, b) => a.placed_at.getTime() - b.placed_at.getTime() || a.order_id.localeCompare(b.order_id))
    const used = new Set<string>()
    sorted.forEach((first, i) => {
      if (used.has(first.order_id)) return
      const end = first.placed_at.getTime() + terms.window_days * DAY_MS
      const picked: ReferredOrder[] = []
      const customers = new Set<string>()
      for (const o of sorted.slice(i)) {
        if (o.placed_at.getTime() > end || picked.length === terms.n) break
        if (used.has(o.order_id) || customers.has(o.customer_id)) continue
        picked.push(o)
        customers.add(o.customer_id)
      }
      if (picked.length < terms.n) return
      picked.forEach((o) => used.add(o.order_id))
      const base_order = picked.reduce((min, o) => (MathBN.lt(o.base, min.base) ? o : min))
      const capped = terms.cap !== null && MathBN.gt(base_order.base, terms.cap) ? String(terms.cap) : base_order.base
      groups.push({ currency_code, orders: picked, base_order, amount: roundHalfUp(capped, currencyPrecision(currency_code)).toString() })
    })
  }
  return groups
}
