import { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import { BigNumberJS } from "./money"

/**
 * An exact fraction. BigNumber products and sums are exact but division rounds (to 20
 * places), and a base that comes out 0.0499…9 instead of 0.05 rounds a half-unit
 * commission the wrong way: so bases stay fractions until the one rounding.
 */
export type Fraction = { n: BigNumberJS; d: BigNumberJS }

/** Terms below 10^SMALL_DIGITS are left unreduced. */
const SMALL_DIGITS = 30

const gcd = (a: BigNumberJS, b: BigNumberJS): BigNumberJS => {
  while (!b.isZero()) [a, b] = [b, a.mod(b)]
  return a
}

/**
 * The same value in lowest terms, with a positive denominator. Without it every sum
 * multiplies denominators: the kept gross of a 200-line order (each line's units over 3)
 * came out over 3^200, and a sync of it took seconds.
 */
const reduced = (n: BigNumberJS, d: BigNumberJS): Fraction => {
  if (!n.isFinite() || !d.isFinite() || d.isZero()) return { n, d } // left for the caller's checks, as before
  if (n.isZero()) return { n, d: MathBN.convert(1) }
  if (d.isNegative()) [n, d] = [n.negated(), d.negated()]
  // Small terms cost less as they are than a gcd would: reduce once they grow.
  if ((n.e ?? 0) < SMALL_DIGITS && (d.e ?? 0) < SMALL_DIGITS) return { n, d }
  // Whole numbers first: "19.99" / 3 → 1999 / 300.
  const places = Math.max(n.decimalPlaces() ?? 0, d.decimalPlaces() ?? 0)
  if (places > 0) [n, d] = [n.shiftedBy(places), d.shiftedBy(places)]
  const g = gcd(n.abs(), d)
  return g.eq(1) ? { n, d } : { n: n.idiv(g), d: d.idiv(g) }
}

export const frac = (n: BigNumberInput, d: BigNumberInput = 1): Fraction => reduced(MathBN.convert(n), MathBN.convert(d))
export const fAdd = (a: Fraction, b: Fraction): Fraction =>
  a.d.eq(b.d) ? reduced(a.n.plus(b.n), a.d) : reduced(a.n.times(b.d).plus(b.n.times(a.d)), a.d.times(b.d))
export const fSub = (a: Fraction, b: Fraction): Fraction =>
  a.d.eq(b.d) ? reduced(a.n.minus(b.n), a.d) : reduced(a.n.times(b.d).minus(b.n.times(a.d)), a.d.times(b.d))
export const fMul = (a: Fraction, b: Fraction): Fraction => reduced(a.n.times(b.n), a.d.times(b.d))
export const fDiv = (a: Fraction, b: Fraction): Fraction => reduced(a.n.times(b.d), a.d.times(b.n))
export const fCmp = (a: Fraction, b: Fraction): number => a.n.times(b.d).comparedTo(b.n.times(a.d)) as number
export const fSum = (xs: Fraction[]): Fraction => xs.reduce(fAdd, frac(0))
export const fClamp01 = (x: Fraction): Fraction => (x.n.lte(0) ? frac(0) : fCmp(x, frac(1)) > 0 ? frac(1) : x)
/** Whole minor units, rounded down (x ≥ 0). */
export const fFloorMinor = (x: Fraction, p: number): BigNumberJS => x.n.shiftedBy(p).idiv(x.d)
/** Whole minor units, rounded half up (x ≥ 0). */
export const fHalfUpMinor = (x: Fraction, p: number): BigNumberJS => x.n.shiftedBy(p).times(2).plus(x.d).idiv(x.d.times(2))
