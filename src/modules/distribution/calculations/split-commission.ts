import { MathBN } from "@medusajs/framework/utils"

import { BigNumberJS, currencyPrecision, toBN } from "./money"
import { fCmp, fDiv, fFloorMinor, fHalfUpMinor, fMul, frac, Fraction, fSub, fSum } from "./fraction"
import { LineTerms } from "./line-terms"
import { CalculatedCommission, CommissionLine, KeptLine, LevelTerms } from "./types"

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

const toFraction = (pair: [string, string] | undefined, fallback: Fraction) => (pair ? frac(pair[0], pair[1]) : fallback)
const fMin = (a: Fraction, b: Fraction) => (fCmp(a, b) <= 0 ? a : b)
const fMax0 = (a: Fraction) => (a.n.lt(0) ? frac(0) : a)
/** A fraction as a plain decimal: exact when it terminates, else to 12 places (display only). */
const fDecimal = (x: Fraction) => x.n.div(x.d).decimalPlaces(12).toString()

/**
 * Commission per paid level, with one line per order line and the rule behind it. Each line
 * earns, per level, its level's rate, or what a product rule or campaign froze for it
 * (`line_terms`). `max_total_rate` bounds the sum over levels of every line, level 1 served
 * first; each commission is rounded once.
 */
export function splitCommissions(input: {
  currency_code: string
  lines: KeptLine[]
  levels: LevelTerms[]
  max_total_rate: string | number
  line_terms?: Record<string, LineTerms> | null
}): CalculatedCommission[] {
  const precision = currencyPrecision(input.currency_code)
  const levels = [...input.levels].sort((a, b) => a.level - b.level)
  const cap = frac(input.max_total_rate)

  // Per line, per level: the exact amount and what the line records.
  const perLine = input.lines.map((line) => {
    const base = toFraction(line.base_fraction, frac(line.base))
    const factor = toFraction(line.factor_fraction, frac(1))
    let leftRate = cap
    let leftAmount = fMul(base, cap)
    return levels.map((level) => {
      const own = input.line_terms?.[line.line_item_id]?.[String(level.level)]
      const terms = own ?? { kind: "rate" as const, value: toBN(level.rate).toString(), source: level.source }
      if (terms.kind === "rate") {
        const rate = fMin(fMax0(frac(terms.value)), fMax0(leftRate))
        const amount = fMul(base, rate)
        leftRate = fSub(leftRate, rate)
        leftAmount = fSub(leftAmount, amount)
        const capped = fCmp(rate, frac(terms.value)) < 0
        return { amount, rate: fDecimal(rate), source: own && capped ? `${terms.source}+cap` : terms.source }
      }
      const nominal = fMax0(fMul(fMul(frac(terms.value), frac(line.quantity)), factor))
      const amount = fMin(nominal, fMax0(leftAmount))
      leftAmount = fSub(leftAmount, amount)
      leftRate = base.n.gt(0) ? fSub(leftRate, fDiv(amount, base)) : leftRate
      return { amount, fixed: toBN(terms.value).toString(), source: fCmp(amount, nominal) < 0 ? `${terms.source}+cap` : terms.source }
    })
  })

  return levels.map((level, levelIndex) => {
    const { total, parts } = allocateRounded(
      perLine.map((cells) => cells[levelIndex].amount),
      precision
    )
    const bases = input.lines.map((line) => toFraction(line.base_fraction, frac(line.base)))
    return {
      level: level.level,
      distributor_id: level.distributor_id,
      amount: total.toString(),
      base: fHalfUpMinor(fSum(bases), precision).shiftedBy(-precision).toString(),
      lines: input.lines.map((line, index): CommissionLine => {
        const cell = perLine[index][levelIndex]
        return {
          line_item_id: line.line_item_id,
          product_id: line.product_id,
          quantity: line.quantity,
          base: fHalfUpMinor(bases[index], precision).shiftedBy(-precision).toString(),
          ...("fixed" in cell ? { fixed: cell.fixed } : { rate: cell.rate }),
          amount: parts[index].toString(),
          source: cell.source,
        }
      }),
    }
  })
}
