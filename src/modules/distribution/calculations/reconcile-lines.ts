import { OrderLineMoney } from "./types"

/** A line's paid value for its whole quantity when first seen (before any return or edit). */
export type FrozenLine = { product_id: string | null; quantity: number; net: string; gross: string }
export type FrozenLines = Record<string, FrozenLine>

/** An order line as it is now: units on the order, units received back, what they were paid. */
export type CurrentLine = {
  line_item_id: string
  product_id: string | null
  quantity: number
  returned_quantity: number
  net: string
  gross: string
}

/**
 * Merges what was frozen about an order's lines with the lines as they are now: returns
 * and order edits change units, never the paid unit value. A line seen for the first time
 * (added by an edit or an exchange) is frozen at its value now, once it has units. Lines come out sorted by
 * id, so that every sync shares rounding remainders among them the same way.
 */
export function reconcileLines(frozen: FrozenLines, current: CurrentLine[]): { lines: OrderLineMoney[]; new_lines: FrozenLines } {
  const now = new Map(current.map((line) => [line.line_item_id, line]))
  const new_lines: FrozenLines = {}
  for (const line of current) {
    // Frozen only once it has units: Medusa keeps an item an edit set to 0 in the order,
    // and frozen at 0 it would have no paid value, so units an edit gives it back later
    // would earn nothing (found by the plan property tests).
    if (!frozen[line.line_item_id] && line.quantity > 0) {
      new_lines[line.line_item_id] = { product_id: line.product_id, quantity: line.quantity, net: line.net, gross: line.gross }
    }
  }
  const all = { ...frozen, ...new_lines }
  const lines = Object.keys(all)
    .sort()
    .map((line_item_id) => {
      const paid = all[line_item_id]
      const line = now.get(line_item_id)
      const quantity = line?.quantity ?? 0
      return {
        line_item_id,
        product_id: paid.product_id,
        paid_quantity: paid.quantity,
        quantity,
        returned_quantity: Math.min(quantity, line?.returned_quantity ?? 0),
        net: paid.net,
        gross: paid.gross,
      }
    })
  return { lines, new_lines }
}
