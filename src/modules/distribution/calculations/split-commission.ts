import { MathBN } from "@medusajs/framework/utils"

import { BigNumberJS, currencyPrecision, toBN } from "./money"
import { fCmp, fFloorMinor, fHalfUpMinor, fMul, frac, Fraction, fSub, fSum } from "./fraction"
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
 * rounded total among its lines by largest remainder (ties to the earlier line), so
 * the lines sum exactly to it.
 */
export function allocateRounded(raw: Fraction[], precision: number): { total: BigNumberJS; parts: BigNumberJS[] } {
  const totalMinor = fHalfUpMinor(fSum(raw), precision)
  const partsMinor = raw.map((value) => fFloorMinor(value, precision))
  let missing = totalMinor.minus(MathBN.sum(...partsMinor, 0)).toNumber()
  const byRemainder = raw
    .map((value, index) => ({ index, remainder: fSub(value, frac(partsMinor[index].shiftedBy(-precision))) }))
    .filter((r) => r.remainder.n.gt(0))
    .sort((a, b) => fCmp(b.remainder, a.remainder) || a.index - b.index)
  for (const { index } of byRemainder) {
    if (missing <= 0) break
    partsMinor[index] = partsMinor[index].plus(1)
    missing--
  }
  return { total: totalMinor.shiftedBy(-precision), parts: partsMinor.map((p) => p.shiftedBy(-precision)) }
}

/** Commission per paid level, with one line per order line and the rule behind it. */
export function splitCommissions(input: {
  currency_code: string
  lines: KeptLine[]
  levels: LevelTerms[]
  max_total_rate: string | number
}): CalculatedCommission[] {
  const precision = currencyPrecision(input.currency_code)
  const bases = input.lines.map((line) => (line.base_fraction ? frac(line.base_fraction[0], line.base_fraction[1]) : frac(line.base)))
  return capLevelRates(input.levels, input.max_total_rate).map((terms) => {
    const raw = bases.map((base) => {
      const amount = fMul(base, frac(terms.rate))
      return amount.n.lt(0) ? frac(0) : amount
    })
    const { total, parts } = allocateRounded(raw, precision)
    return {
      level: terms.level,
      distributor_id: terms.distributor_id,
      amount: total.toString(),
      lines: input.lines.map((line, index) => ({
        line_item_id: line.line_item_id,
        product_id: line.product_id,
        quantity: line.quantity,
        base: fHalfUpMinor(bases[index], precision).shiftedBy(-precision).toString(),
        rate: toBN(terms.rate).toString(),
        amount: parts[index].toString(),
        source: terms.source,
      })),
    }
  })
}
