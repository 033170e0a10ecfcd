import { MathBN } from "@medusajs/framework/utils"
import { BigNumber as BigNumberJSCtor } from "bignumber.js"

import { currencyPrecision, floorTo, roundHalfUp, toBN, BigNumberJS } from "./money"
import { CalculatedCommission, KeptLine, LevelTerms } from "./types"

/**
 * Bounds each level's rate so that the sum over levels never exceeds `maxTotalRate`:
 * nearer levels are served first, the farthest level gives way.
 */
export function capLevelRates(levels: LevelTerms[], maxTotalRate: string | number): LevelTerms[] {
  let left = toBN(maxTotalRate)
  return [...levels]
    .sort((a, b) => a.level - b.level)
    .map((terms) => {
      const rate = MathBN.max(0, MathBN.min(terms.rate, left))
      left = MathBN.sub(left, rate)
      return { ...terms, rate: rate.toString() }
    })
}

/**
 * Rounds a commission once, half-up to the currency's precision, and shares the
 * rounded total among its lines by largest remainder, so the lines sum exactly to it.
 */
export function allocateRounded(raw: BigNumberJS[], precision: number): { total: BigNumberJS; parts: BigNumberJS[] } {
  const total = roundHalfUp(MathBN.sum(...raw, 0), precision)
  const unit = new BigNumberJSCtor(1).shiftedBy(-precision)
  const parts = raw.map((value) => floorTo(value, precision))
  let missing = MathBN.sub(total, MathBN.sum(...parts, 0)).dividedToIntegerBy(unit).toNumber()

  const byRemainder = raw
    .map((value, index) => ({ index, remainder: value.minus(parts[index]) }))
    .filter((r) => r.remainder.gt(0))
    .sort((a, b) => b.remainder.comparedTo(a.remainder) || a.index - b.index)

  for (const { index } of byRemainder) {
    if (missing <= 0) break
    parts[index] = parts[index].plus(unit)
    missing--
  }
  return { total, parts }
}

/** Commission per paid level, with one line per order line and the rule behind it. */
export function splitCommissions(input: {
  currency_code: string
  lines: KeptLine[]
  levels: LevelTerms[]
  max_total_rate: string | number
}): CalculatedCommission[] {
  const precision = currencyPrecision(input.currency_code)

  return capLevelRates(input.levels, input.max_total_rate).map((terms) => {
    const raw = input.lines.map((line) => MathBN.max(0, MathBN.mult(line.base, terms.rate)))
    const { total, parts } = allocateRounded(raw, precision)

    return {
      level: terms.level,
      distributor_id: terms.distributor_id,
      amount: total.toString(),
      lines: input.lines.map((line, index) => ({
        line_item_id: line.line_item_id,
        product_id: line.product_id,
        quantity: line.quantity,
        base: roundHalfUp(toBN(line.base), precision).toString(),
        rate: toBN(terms.rate).toString(),
        amount: parts[index].toString(),
        source: terms.source,
      })),
    }
  })
}
