import { fAdd, fClamp01, fDiv, fMul, frac, fSub, fSum, Fraction } from "./fraction"
import { KeptLine, OrderMoneyState } from "./types"

export function calculateKeptBase(state: OrderMoneyState): KeptLine[] {
  const lines = state.lines.map((line) => {
    const kept = Math.max(0, line.quantity - line.returned_quantity)
    const share = line.quantity > 0 ? frac(kept, line.quantity) : frac(0)
    const keptGross = fMul(frac(line.gross), share)
    return { line, kept, keptNet: fMul(frac(line.net), share), keptGross, returnedGross: fSub(frac(line.gross), keptGross) }
  })
  const returnedGross = fSum(lines.map((l) => l.returnedGross))
  const keptGross = fSum(lines.map((l) => l.keptGross))
  let excess = fSub(frac(state.refunded_total), returnedGross)
  if (excess.n.lt(0)) excess = frac(0)
  const factor: Fraction =
    state.canceled || !keptGross.n.gt(0) ? frac(0) : fClamp01(fSub(frac(1), fDiv(excess, keptGross)))
  void fAdd
  return lines.map(({ line, kept, keptNet }) => {
    let base = fMul(keptNet, factor)
    if (base.n.lt(0)) base = frac(0)
    return {
      line_item_id: line.line_item_id,
      product_id: line.product_id,
      quantity: state.canceled ? 0 : kept,
      base: base.n.div(base.d).toString(),
      base_fraction: [base.n.toFixed(), base.d.toFixed()] as [string, string],
    }
  })
}
