/**
 * Exact rationals (BigInt numerator / denominator) for the reference models of the unit
 * tests: written here, so that no helper of the module under test is reused to check it.
 */

export type Q = { n: bigint; d: bigint }

export const ZERO = BigInt(0)
export const ONE = BigInt(1)
const TWO = BigInt(2)
const TEN = BigInt(10)

const absB = (a: bigint) => (a < ZERO ? -a : a)
const gcd = (a: bigint, b: bigint): bigint => {
  a = absB(a)
  b = absB(b)
  while (b !== ZERO) [a, b] = [b, a % b]
  return a
}

export const q = (n: bigint | number, d: bigint | number = 1): Q => {
  let nn = BigInt(n)
  let dd = BigInt(d)
  if (dd === ZERO) throw new Error("division by zero")
  if (dd < ZERO) {
    nn = -nn
    dd = -dd
  }
  const g = gcd(nn, dd) || ONE
  return { n: nn / g, d: dd / g }
}
export const QZ = q(0)
export const Q1 = q(1)
export const add = (a: Q, b: Q) => q(a.n * b.d + b.n * a.d, a.d * b.d)
export const sub = (a: Q, b: Q) => q(a.n * b.d - b.n * a.d, a.d * b.d)
export const mul = (a: Q, b: Q) => q(a.n * b.n, a.d * b.d)
export const div = (a: Q, b: Q) => q(a.n * b.d, a.d * b.n)
export const cmp = (a: Q, b: Q) => {
  const l = a.n * b.d
  const r = b.n * a.d
  return l < r ? -1 : l > r ? 1 : 0
}
export const qmax = (a: Q, b: Q) => (cmp(a, b) >= 0 ? a : b)
export const qmin = (a: Q, b: Q) => (cmp(a, b) <= 0 ? a : b)
export const qsum = (xs: Q[]) => xs.reduce(add, QZ)
export const pow10 = (k: number) => TEN ** BigInt(k)

/** Floor division for a positive divisor. */
const floorDiv = (a: bigint, b: bigint) => {
  const r = a / b
  return a % b !== ZERO && a < ZERO ? r - ONE : r
}
/** x in minor units of `p` decimals, rounded down. */
export const floorMinor = (x: Q, p: number) => floorDiv(x.n * pow10(p), x.d)
/** x in minor units of `p` decimals, rounded half up. */
export const halfUpMinor = (x: Q, p: number) => floorDiv(TWO * x.n * pow10(p) + x.d, TWO * x.d)
export const fromMinor = (m: bigint | number, p: number) => q(BigInt(m), pow10(p))

/** A decimal string as produced by BigNumber.js (sign, point, optional exponent). */
export function parseDec(s: string): Q {
  const m = /^(-?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(s.trim())
  if (!m) throw new Error(`not a decimal: ${JSON.stringify(s)}`)
  const [, sign, int, frac = "", exp = "0"] = m
  const digits = BigInt((int || "0") + frac)
  const scale = frac.length - Number(exp)
  const v = scale >= 0 ? q(digits, pow10(scale)) : q(digits * pow10(-scale))
  return sign === "-" ? q(-v.n, v.d) : v
}

/** A rational whose denominator divides 10^k, as a plain decimal string. */
export function fmtDec(x: Q): string {
  let scale = 0
  while (pow10(scale) % x.d !== ZERO) {
    scale++
    if (scale > 60) throw new Error(`not a terminating decimal: ${x.n}/${x.d}`)
  }
  const units = (x.n * pow10(scale)) / x.d
  const neg = units < ZERO
  const digits = absB(units).toString().padStart(scale + 1, "0")
  const int = digits.slice(0, digits.length - scale)
  const frac = scale ? "." + digits.slice(digits.length - scale) : ""
  return (neg ? "-" : "") + int + frac
}

/** A module amount as minor units, or a marker when it is not a whole number of them. */
export function asMinor(s: string, p: number): bigint | string {
  const scaled = mul(parseDec(s), q(pow10(p)))
  return scaled.d === ONE ? scaled.n : `${s} is not a multiple of 10^-${p}`
}

/** Cheap assertion for hot loops (jest's `expect` costs more than the code under test). */
export function check(ok: boolean, message: () => string): void {
  if (!ok) throw new Error(message())
}
export const show = (v: unknown) => JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? `${x}` : x))
