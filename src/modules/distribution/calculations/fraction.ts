import { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import { BigNumberJS } from "./money"

/**
 * An exact fraction. BigNumber products and sums are exact but division rounds (to 20
 * places), and a base that comes out 0.0499…9 instead of 0.05 rounds a half-unit
 * commission the wrong way: so bases stay fractions until the one rounding.
 */
export type Fraction = { n: BigNumberJS; d: BigNumberJS }
export const frac = (n: BigNumberInput, d: BigNumberInput = 1): Fraction => ({ n: MathBN.convert(n), d: MathBN.convert(d) })
export const fAdd = (a: Fraction, b: Fraction): Fraction => ({ n: a.n.times(b.d).plus(b.n.times(a.d)), d: a.d.times(b.d) })
export const fSub = (a: Fraction, b: Fraction): Fraction => ({ n: a.n.times(b.d).minus(b.n.times(a.d)), d: a.d.times(b.d) })
export const fMul = (a: Fraction, b: Fraction): Fraction => ({ n: a.n.times(b.n), d: a.d.times(b.d) })
export const fDiv = (a: Fraction, b: Fraction): Fraction =>
  b.n.lt(0) ? { n: a.n.times(b.d).negated(), d: a.d.times(b.n).negated() } : { n: a.n.times(b.d), d: a.d.times(b.n) }
export const fCmp = (a: Fraction, b: Fraction): number => a.n.times(b.d).comparedTo(b.n.times(a.d)) as number
export const fSum = (xs: Fraction[]): Fraction => xs.reduce(fAdd, frac(0))
export const fClamp01 = (x: Fraction): Fraction => (x.n.lte(0) ? frac(0) : fCmp(x, frac(1)) > 0 ? frac(1) : x)
/** Whole minor units, rounded down (x ≥ 0). */
export const fFloorMinor = (x: Fraction, p: number): BigNumberJS => x.n.shiftedBy(p).idiv(x.d)
/** Whole minor units, rounded half up (x ≥ 0). */
export const fHalfUpMinor = (x: Fraction, p: number): BigNumberJS => x.n.shiftedBy(p).times(2).plus(x.d).idiv(x.d.times(2))
