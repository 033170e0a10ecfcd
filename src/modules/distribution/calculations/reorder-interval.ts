const DAY_MS = 24 * 60 * 60 * 1000

/** How many of the latest gaps between orders make a customer's usual interval. */
export const REORDER_GAPS_CONSIDERED = 5

export type RepurchaseDue = { last_order_id: string; interval_days: number; due_at: Date }

/**
 * A customer's usual reorder interval: the median of the gaps between their latest
 * consecutive orders (at most the last five gaps, so habits that change are followed),
 * in whole days, at least one. It needs two orders; with fewer there is no habit yet.
 *
 * The reminder is due one interval after the last order, and stays due for one more
 * interval: a customer who has not ordered for twice their usual time has lapsed, and is
 * not reminded of a habit they no longer have.
 */
export function repurchaseDue(orders: { id: string; created_at: Date | string }[], now: Date): RepurchaseDue | null {
  const sorted = orders
    .map((o) => ({ id: o.id, at: new Date(o.created_at).getTime() }))
    .sort((a, b) => a.at - b.at)
  if (sorted.length < 2) return null
  const gaps = sorted.slice(1).map((o, i) => o.at - sorted[i].at).slice(-REORDER_GAPS_CONSIDERED).sort((a, b) => a - b)
  const mid = Math.floor(gaps.length / 2)
  const median = gaps.length % 2 ? gaps[mid] : (gaps[mid - 1] + gaps[mid]) / 2
  const interval_days = Math.max(1, Math.round(median / DAY_MS))
  const last = sorted[sorted.length - 1]
  const due_at = new Date(last.at + interval_days * DAY_MS)
  const lapsed_at = due_at.getTime() + interval_days * DAY_MS
  if (now.getTime() < due_at.getTime() || now.getTime() >= lapsed_at) return null
  return { last_order_id: last.id, interval_days, due_at }
}
