import { fClamp01, fDiv, fMul, frac, fSub, fSum, Fraction } from "./fraction"
import { KeptLine, OrderMoneyState } from "./types"

/**
 * The goods value the merchant keeps, per line (DESIGN §2 "Commission base").
 *
 * A returned unit leaves its line at its paid value. Refunds first pay for returned
 * goods (a return that is refunded counts once); only what refunds exceed that by
 * reduces the kept lines, pro rata to their charged value. A canceled order keeps
 * nothing. Values stay exact fractions: rounding happens once, per commission.
 */
export function calculateKeptBase(state: OrderMoneyState): KeptLine[] {
  const lines = state.lines.map((line) => {
    const paid = line.paid_quantity ?? line.quantity
    const returned = Math.min(line.returned_quantity, line.quantity)
    const kept = line.quantity - returned
    // Returned units, and units an edit took away: their paid value is what refunds pay first.
    const gone = returned + Math.max(0, paid - line.quantity)
    const unitShare = (units: number) => (paid > 0 ? frac(units, paid) : frac(0))
    return {
      line,
      kept,
      keptNet: fMul(frac(line.net), unitShare(kept)),
      keptGross: fMul(frac(line.gross), unitShare(kept)),
      returnedGross: fMul(frac(line.gross), unitShare(gone)),
    }
  })

  const keptGross = fSum(lines.map((l) => l.keptGross))
  let excessRefund = fSub(frac(state.refunded_total), fSum(lines.map((l) => l.returnedGross)))
  if (excessRefund.n.lt(0)) excessRefund = frac(0)
  const factor: Fraction =
    state.canceled || !keptGross.n.gt(0) ? frac(0) : fClamp01(fSub(frac(1), fDiv(excessRefund, keptGross)))

  return lines.map(({ line, kept, keptNet }) => {
    let base = fMul(keptNet, factor)
    if (base.n.lt(0)) base = frac(0)
    return {
      line_item_id: line.line_item_id,
      product_id: line.product_id,
      quantity: state.canceled ? 0 : kept,
      base: base.n.div(base.d).toString(),
      base_fraction: [base.n.toString(), base.d.toString()] as [string, string],
    }
  })
}
