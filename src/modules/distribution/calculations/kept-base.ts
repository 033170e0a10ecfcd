import { MathBN } from "@medusajs/framework/utils"
import { BigNumber as BigNumberJSCtor } from "bignumber.js"

import { BigNumberJS, clamp } from "./money"
import { KeptLine, OrderMoneyState } from "./types"

/**
 * The goods value the merchant keeps, per line (DESIGN §2 "Commission base").
 *
 * A returned unit leaves its line at its paid value. Refunds first pay for returned
 * goods (a return that is refunded counts once); only what refunds exceed that by
 * reduces the kept lines, pro rata to their charged value. A canceled order keeps
 * nothing. Values stay unrounded: rounding happens once, per commission.
 */
export function calculateKeptBase(state: OrderMoneyState): KeptLine[] {
  const lines = state.lines.map((line) => {
    const kept = Math.max(0, line.quantity - line.returned_quantity)
    const share = line.quantity > 0 ? MathBN.div(kept, line.quantity) : new BigNumberJSCtor(0)
    return {
      line,
      kept,
      keptNet: MathBN.mult(line.net, share),
      keptGross: MathBN.mult(line.gross, share),
      returnedGross: MathBN.sub(line.gross, MathBN.mult(line.gross, share)),
    }
  })

  const returnedGross = MathBN.sum(...lines.map((l) => l.returnedGross))
  const keptGross = MathBN.sum(...lines.map((l) => l.keptGross))
  const excessRefund = MathBN.max(0, MathBN.sub(state.refunded_total, returnedGross))

  let factor: BigNumberJS
  if (state.canceled || !keptGross.gt(0)) {
    factor = new BigNumberJSCtor(0)
  } else {
    factor = clamp(MathBN.sub(1, MathBN.div(excessRefund, keptGross)), 0, 1)
  }

  return lines.map(({ line, kept, keptNet }) => ({
    line_item_id: line.line_item_id,
    product_id: line.product_id,
    quantity: state.canceled ? 0 : kept,
    base: MathBN.max(0, MathBN.mult(keptNet, factor)).toString(),
  }))
}

