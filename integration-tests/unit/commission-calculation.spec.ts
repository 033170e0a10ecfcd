/**
 * Property-based tests of the pure commission calculation (DESIGN §2 "Commission base",
 * "Money", "Lifecycle"): `calculateKeptBase` + `splitCommissions` are checked against a
 * small reference model written here from the design, on exact rationals (BigInt
 * numerator / denominator), so no helper of the module under test is reused.
 *
 * The reference model:
 * - a line keeps net × (quantity − returned) / quantity (and the same share of its gross);
 * - refunds first pay for the gross value of returned goods; only the excess of the
 *   refunded total over that value reduces the kept lines, pro rata to their kept gross
 *   (factor = 1 − excess / keptGross, clamped to [0, 1]); a canceled order keeps nothing;
 * - rates are capped cumulatively from level 1 so that their sum never exceeds
 *   max_total_rate;
 * - per level, commission = round_half_up(Σ base × rate) to the currency's precision, and
 *   the lines get the floored per-line amounts plus the missing minor units by largest
 *   remainder (ties: lower line index first).
 */
import fc from "fast-check"
import {
  calculateKeptBase,
  CalculatedCommission,
  KeptLine,
  LevelTerms,
  OrderMoneyState,
  splitCommissions,
} from "../../src/modules/distribution/calculations"

const NUM_RUNS = 2000

// ---------------------------------------------------------------------------------------
// Exact rationals
// ---------------------------------------------------------------------------------------

type Q = { n: bigint; d: bigint }

const ZERO = BigInt(0)
const ONE = BigInt(1)
const TWO = BigInt(2)
const TEN = BigInt(10)

const absB = (a: bigint) => (a < ZERO ? -a : a)
const gcd = (a: bigint, b: bigint): bigint => {
  a = absB(a)
  b = absB(b)
  while (b !== ZERO) [a, b] = [b, a % b]
  return a
}
const q = (n: bigint | number, d: bigint | number = 1): Q => {
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
const QZ = q(0)
const Q1 = q(1)
const add = (a: Q, b: Q) => q(a.n * b.d + b.n * a.d, a.d * b.d)
const sub = (a: Q, b: Q) => q(a.n * b.d - b.n * a.d, a.d * b.d)
const mul = (a: Q, b: Q) => q(a.n * b.n, a.d * b.d)
const div = (a: Q, b: Q) => q(a.n * b.d, a.d * b.n)
const cmp = (a: Q, b: Q) => {
  const l = a.n * b.d
  const r = b.n * a.d
  return l < r ? -1 : l > r ? 1 : 0
}
const qmax = (a: Q, b: Q) => (cmp(a, b) >= 0 ? a : b)
const qmin = (a: Q, b: Q) => (cmp(a, b) <= 0 ? a : b)
const qsum = (xs: Q[]) => xs.reduce(add, QZ)
const pow10 = (k: number) => TEN ** BigInt(k)

/** Floor division for a positive divisor. */
const floorDiv = (a: bigint, b: bigint) => {
  const r = a / b
  return a % b !== ZERO && a < ZERO ? r - ONE : r
}
/** x in minor units of `p` decimals, rounded down. */
const floorMinor = (x: Q, p: number) => floorDiv(x.n * pow10(p), x.d)
/** x in minor units of `p` decimals, rounded half up. */
const halfUpMinor = (x: Q, p: number) => floorDiv(TWO * x.n * pow10(p) + x.d, TWO * x.d)
const fromMinor = (m: bigint, p: number) => q(m, pow10(p))

/** A decimal string as produced by BigNumber.js (sign, point, optional exponent). */
function parseDec(s: string): Q {
  const m = /^(-?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(s.trim())
  if (!m) throw new Error(`not a decimal: ${JSON.stringify(s)}`)
  const [, sign, int, frac = "", exp = "0"] = m
  const digits = BigInt((int || "0") + frac)
  const scale = frac.length - Number(exp)
  const v = scale >= 0 ? q(digits, pow10(scale)) : q(digits * pow10(-scale))
  return sign === "-" ? q(-v.n, v.d) : v
}

/** A rational whose denominator divides 10^k, as a plain decimal string. */
function fmtDec(x: Q): string {
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
function asMinor(s: string, p: number): bigint | string {
  const v = parseDec(s)
  const scaled = mul(v, q(pow10(p)))
  return scaled.d === ONE ? scaled.n : `${s} is not a multiple of 10^-${p}`
}

// ---------------------------------------------------------------------------------------
// Reference model (from DESIGN §2)
// ---------------------------------------------------------------------------------------

type RefLine = { id: string; product_id: string | null; quantity: number; returned: number; net: Q; gross: Q }
type RefOrder = {
  currency: string
  precision: number
  canceled: boolean
  refunded: Q
  shipping: Q
  lines: RefLine[]
}
type RefLevel = { level: number; distributor_id: string; rate: Q; source: string }
type RefCommission = {
  level: number
  distributor_id: string
  rate: Q
  amount: bigint
  lines: { quantity: number; base: bigint; amount: bigint }[]
}

function refKept(order: RefOrder): { quantity: number; base: Q }[] {
  const parts = order.lines.map((l) => {
    const kept = Math.max(0, l.quantity - l.returned)
    const share = q(kept, l.quantity)
    return { kept, keptNet: mul(l.net, share), keptGross: mul(l.gross, share), returnedGross: mul(l.gross, sub(Q1, share)) }
  })
  const keptGross = qsum(parts.map((p) => p.keptGross))
  const returnedGross = qsum(parts.map((p) => p.returnedGross))
  const excess = qmax(QZ, sub(order.refunded, returnedGross))
  const factor =
    order.canceled || cmp(keptGross, QZ) <= 0 ? QZ : qmin(Q1, qmax(QZ, sub(Q1, div(excess, keptGross))))
  return parts.map((p) => ({ quantity: order.canceled ? 0 : p.kept, base: mul(p.keptNet, factor) }))
}

function refCap(levels: RefLevel[], maxTotal: Q): RefLevel[] {
  let left = maxTotal
  return [...levels]
    .sort((a, b) => a.level - b.level)
    .map((l) => {
      const rate = qmax(QZ, qmin(l.rate, left))
      left = sub(left, rate)
      return { ...l, rate }
    })
}

function refSplit(bases: Q[], rate: Q, p: number): { total: bigint; parts: bigint[] } {
  const raw = bases.map((b) => qmax(QZ, mul(b, rate)))
  const total = halfUpMinor(qsum(raw), p)
  const parts = raw.map((r) => floorMinor(r, p))
  let missing = total - parts.reduce((a, b) => a + b, ZERO)
  const order = raw
    .map((r, i) => ({ i, rem: sub(r, fromMinor(parts[i], p)) }))
    .filter((x) => cmp(x.rem, QZ) > 0)
    .sort((a, b) => cmp(b.rem, a.rem) || a.i - b.i)
  for (const { i } of order) {
    if (missing <= ZERO) break
    parts[i] += ONE
    missing -= ONE
  }
  if (missing !== ZERO) throw new Error("reference: could not allocate the rounded total")
  return { total, parts }
}

function refCommissions(order: RefOrder, levels: RefLevel[], maxTotal: Q): RefCommission[] {
  const kept = refKept(order)
  const p = order.precision
  return refCap(levels, maxTotal).map((l) => {
    const { total, parts } = refSplit(
      kept.map((k) => k.base),
      l.rate,
      p
    )
    return {
      level: l.level,
      distributor_id: l.distributor_id,
      rate: l.rate,
      amount: total,
      lines: kept.map((k, i) => ({ quantity: k.quantity, base: halfUpMinor(k.base, p), amount: parts[i] })),
    }
  })
}

// ---------------------------------------------------------------------------------------
// Scenarios: an order, a chain of levels, and a history of refunds / returns / cancel
// ---------------------------------------------------------------------------------------

const CURRENCIES: [string, number][] = [
  ["usd", 2],
  ["jpy", 0],
  ["kwd", 3],
]

type LineSpec = {
  quantity: number
  unit: number // minor units
  discount: { kind: "none" } | { kind: "fixed"; bps: number } | { kind: "percent"; pct: number }
  taxTenthsPct: number | null // 0..200 → 0 %..20 %
}
type Action =
  | { kind: "refund"; mode: "share_of_left" | "fraction_of_kept" | "minor"; a: number; m: number }
  | { kind: "return"; line: number; qty: number; refund: "none" | "value" | "value_less_fee" }
type Scenario = {
  currency: [string, number]
  lines: LineSpec[]
  shippingMinor: number
  levels: { bps: number; asNumber: boolean }[]
  reverseLevels: boolean
  maxTotal: { bps: number; asNumber: boolean }
  actions: Action[]
  end: "open" | "cancel" | "cancel_refund_all"
}

const unitArb = fc.oneof(
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 30 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 100_000 }) }
)
const lineArb: fc.Arbitrary<LineSpec> = fc.record({
  // 3 is favoured: a third of a line is where inexact decimal arithmetic shows.
  quantity: fc.oneof({ weight: 1, arbitrary: fc.constant(3) }, { weight: 2, arbitrary: fc.integer({ min: 1, max: 5 }) }),
  unit: unitArb,
  discount: fc.oneof(
    { weight: 2, arbitrary: fc.constant({ kind: "none" as const }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("fixed" as const), bps: fc.integer({ min: 0, max: 10_000 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("percent" as const), pct: fc.integer({ min: 0, max: 100 }) }) }
  ),
  taxTenthsPct: fc.option(fc.oneof(fc.constantFrom(0, 50, 100, 200), fc.integer({ min: 0, max: 200 })), { nil: null }),
})
const rateArb = fc.record({
  bps: fc.oneof(fc.constantFrom(1000, 500, 200, 150, 50), fc.integer({ min: 0, max: 5000 })),
  asNumber: fc.boolean(),
})
const levelsArb = fc.oneof(
  fc.constantFrom(
    [1000].map((bps) => ({ bps, asNumber: false })),
    [1000, 500].map((bps) => ({ bps, asNumber: false })),
    [1000, 500, 200].map((bps) => ({ bps, asNumber: false }))
  ),
  fc.array(rateArb, { minLength: 1, maxLength: 3 })
)
const actionArb: fc.Arbitrary<Action> = fc.oneof(
  fc.record({
    kind: fc.constant("refund" as const),
    mode: fc.constantFrom("share_of_left" as const, "fraction_of_kept" as const, "minor" as const),
    a: fc.nat(10_000),
    m: fc.integer({ min: 2, max: 7 }),
  }),
  fc.record({
    kind: fc.constant("return" as const),
    line: fc.nat(5),
    qty: fc.nat(4),
    refund: fc.constantFrom("none" as const, "value" as const, "value_less_fee" as const),
  })
)
const scenarioArb = (opts: { end?: Scenario["end"]; maxActions?: number } = {}): fc.Arbitrary<Scenario> =>
  fc.record({
    currency: fc.constantFrom(...CURRENCIES),
    lines: fc.array(lineArb, { minLength: 1, maxLength: 6 }),
    shippingMinor: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 2000 })),
    levels: levelsArb,
    reverseLevels: fc.boolean(),
    maxTotal: fc.record({
      bps: fc.oneof(fc.constant(3000), fc.integer({ min: 0, max: 6000 })),
      asNumber: fc.boolean(),
    }),
    actions: fc.array(actionArb, { maxLength: opts.maxActions ?? 6 }),
    end: opts.end
      ? fc.constant(opts.end)
      : fc.oneof(
          { weight: 6, arbitrary: fc.constant("open" as const) },
          { weight: 1, arbitrary: fc.constant("cancel" as const) },
          { weight: 1, arbitrary: fc.constant("cancel_refund_all" as const) }
        ),
  })

const bpsQ = (bps: number) => q(bps, 10_000)
const bpsInput = (r: { bps: number; asNumber: boolean }): string | number =>
  r.asNumber ? Number(fmtDec(bpsQ(r.bps))) : fmtDec(bpsQ(r.bps))

/** The order as placed: nothing refunded, returned or canceled. */
function placedOrder(s: Scenario): RefOrder {
  const [currency, precision] = s.currency
  const lines = s.lines.map((l, i): RefLine => {
    const subtotal = fromMinor(BigInt(l.quantity * l.unit), precision)
    let net = subtotal
    if (l.discount.kind === "fixed") net = sub(subtotal, fromMinor(floorMinor(mul(subtotal, bpsQ(l.discount.bps)), precision), precision))
    if (l.discount.kind === "percent") net = mul(subtotal, q(100 - l.discount.pct, 100))
    const gross = l.taxTenthsPct === null ? net : mul(net, q(1000 + l.taxTenthsPct, 1000))
    return { id: `item_${i}`, product_id: i % 2 ? `prod_${i}` : null, quantity: l.quantity, returned: 0, net, gross }
  })
  return { currency, precision, canceled: false, refunded: QZ, shipping: fromMinor(BigInt(s.shippingMinor), precision), lines }
}

/** What the customer paid: goods (charged to the minor unit) plus shipping. */
const paidTotal = (o: RefOrder) => add(fromMinor(halfUpMinor(qsum(o.lines.map((l) => l.gross)), o.precision), o.precision), o.shipping)

/** Replays the history on a copy of the placed order. Refunds never exceed what was paid. */
function applyHistory(s: Scenario, placed: RefOrder, actions: Action[] = s.actions, end = s.end): RefOrder {
  const o: RefOrder = { ...placed, lines: placed.lines.map((l) => ({ ...l })) }
  const p = o.precision
  const refund = (amount: Q) => {
    const left = sub(paidTotal(o), o.refunded)
    o.refunded = add(o.refunded, qmax(QZ, qmin(amount, left)))
  }
  for (const a of actions) {
    if (a.kind === "refund") {
      const left = sub(paidTotal(o), o.refunded)
      if (a.mode === "share_of_left") refund(fromMinor(floorMinor(mul(left, bpsQ(a.a)), p), p))
      if (a.mode === "minor") refund(fromMinor(BigInt(a.a % 500), p))
      if (a.mode === "fraction_of_kept") {
        const keptGross = qsum(o.lines.map((l) => mul(l.gross, q(l.quantity - l.returned, l.quantity))))
        refund(fromMinor(halfUpMinor(mul(keptGross, q((a.a % (a.m - 1)) + 1, a.m)), p), p))
      }
    } else {
      const line = o.lines[a.line % o.lines.length]
      const left = line.quantity - line.returned
      if (left === 0) continue
      const qty = (a.qty % left) + 1
      line.returned += qty
      const value = mul(line.gross, q(qty, line.quantity))
      if (a.refund === "value") refund(fromMinor(halfUpMinor(value, p), p))
      if (a.refund === "value_less_fee") refund(fromMinor(halfUpMinor(mul(value, q(9, 10)), p), p))
    }
  }
  if (end !== "open") o.canceled = true
  if (end === "cancel_refund_all") o.refunded = paidTotal(o)
  return o
}

const refLevels = (s: Scenario): RefLevel[] =>
  s.levels.map((r, i) => ({ level: i + 1, distributor_id: `dist_${i + 1}`, rate: bpsQ(r.bps), source: `level_rate:${i + 1}` }))

// What the module receives: decimal strings, as stored in bigNumber columns.
const moduleState = (o: RefOrder): OrderMoneyState => ({
  currency_code: o.currency,
  canceled: o.canceled,
  refunded_total: fmtDec(o.refunded),
  lines: o.lines.map((l) => ({
    line_item_id: l.id,
    product_id: l.product_id,
    quantity: l.quantity,
    returned_quantity: l.returned,
    net: fmtDec(l.net),
    gross: fmtDec(l.gross),
  })),
})
const moduleLevels = (s: Scenario): LevelTerms[] => {
  const levels = s.levels.map((r, i) => ({
    level: i + 1,
    distributor_id: `dist_${i + 1}`,
    rate: bpsInput(r),
    source: `level_rate:${i + 1}`,
  }))
  return s.reverseLevels ? levels.reverse() : levels
}

function runModule(s: Scenario, o: RefOrder): { kept: KeptLine[]; commissions: CalculatedCommission[] } {
  const kept = calculateKeptBase(moduleState(o))
  const commissions = splitCommissions({
    currency_code: o.currency,
    lines: kept,
    levels: moduleLevels(s),
    max_total_rate: bpsInput(s.maxTotal),
  })
  return { kept, commissions }
}

const byLevel = (cs: CalculatedCommission[], level: number) => {
  const c = cs.find((x) => x.level === level)
  if (!c) throw new Error(`no commission for level ${level}`)
  return c
}

/** Cheap assertion for hot loops (jest's `expect` costs more than the code under test). */
function check(ok: boolean, message: () => string): void {
  if (!ok) throw new Error(message())
}
const show = (v: unknown) => JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? `${x}` : x))
const isZero = (s: string) => cmp(parseDec(s), QZ) === 0

/** Every commission amount, line amount, line base, rate and quantity equals the reference's. */
function expectMatchesReference(s: Scenario, o: RefOrder) {
  const p = o.precision
  const { kept, commissions } = runModule(s, o)
  const refK = refKept(o)
  const ref = refCommissions(o, refLevels(s), bpsQ(s.maxTotal.bps))

  // The kept base stays unrounded in the module: it must be the exact value, up to noise
  // far below a minor unit (relative 1e-15).
  kept.forEach((k, i) => {
    const exact = refK[i].base
    const diff = sub(parseDec(k.base), exact)
    const bound = mul(q(1, pow10(15)), add(Q1, exact))
    check(
      cmp(diff, bound) <= 0 && cmp(q(-diff.n, diff.d), bound) <= 0,
      () => `kept base of line ${i}: module ${k.base}, exact ${exact.n}/${exact.d}`
    )
  })

  const got = {
    kept: kept.map((k) => [k.line_item_id, k.product_id, k.quantity]),
    commissions: [...commissions]
      .sort((a, b) => a.level - b.level)
      .map((c) => ({
        level: c.level,
        distributor_id: c.distributor_id,
        amount: asMinor(c.amount, p),
        lines: c.lines.map((l) => ({
          id: [l.line_item_id, l.product_id, l.source],
          quantity: l.quantity,
          rate: fmtDec(parseDec(l.rate!)),
          base: asMinor(l.base, p),
          amount: asMinor(l.amount, p),
        })),
      })),
  }
  const want = {
    kept: o.lines.map((l, i) => [l.id, l.product_id, refK[i].quantity]),
    commissions: ref.map((r) => ({
      level: r.level,
      distributor_id: r.distributor_id,
      amount: r.amount,
      lines: r.lines.map((l, i) => ({
        id: [o.lines[i].id, o.lines[i].product_id, `level_rate:${r.level}`],
        quantity: l.quantity,
        rate: fmtDec(r.rate),
        base: l.base,
        amount: l.amount,
      })),
    })),
  }
  if (show(got) !== show(want)) expect(got).toEqual(want) // a readable diff, only on failure
}

// ---------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------

describe("commission calculation (property-based, against an exact reference)", () => {
  it("matches the exact reference at placement and after any history, to the minor unit", () => {
    fc.assert(
      fc.property(scenarioArb(), (s) => {
        const placed = placedOrder(s)
        expectMatchesReference(s, placed)
        expectMatchesReference(s, applyHistory(s, placed))
      }),
      { numRuns: NUM_RUNS }
    )
  })

  it("rounds once per commission, whole minor units, lines summing exactly to the total, nothing negative", () => {
    fc.assert(
      fc.property(scenarioArb(), (s) => {
        const o = applyHistory(s, placedOrder(s))
        const p = o.precision
        const { kept, commissions } = runModule(s, o)
        check(kept.length === o.lines.length, () => "one kept line per order line")
        for (const k of kept) check(cmp(parseDec(k.base), QZ) >= 0, () => `negative kept base ${k.base}`)
        check(commissions.length === s.levels.length, () => "one commission per level")
        for (const c of commissions) {
          const total = asMinor(c.amount, p)
          const lines = c.lines.map((l) => asMinor(l.amount, p))
          check(typeof total === "bigint", () => `level ${c.level}: ${total}`)
          for (const l of lines) check(typeof l === "bigint", () => `level ${c.level} line: ${l}`)
          const sum = (lines as bigint[]).reduce((a, b) => a + b, ZERO)
          check(sum === total, () => `level ${c.level}: lines sum to ${sum}, total ${total} (minor units)`)
          check((total as bigint) >= ZERO, () => `level ${c.level}: negative commission ${c.amount}`)
          for (const l of c.lines) {
            check(!l.amount.startsWith("-") && cmp(parseDec(l.amount), QZ) >= 0, () => `negative line ${show(l)}`)
            check(cmp(parseDec(l.base), QZ) >= 0, () => `negative line base ${show(l)}`)
          }
          check(c.lines.length === o.lines.length, () => "one commission line per order line")
        }
      }),
      { numRuns: NUM_RUNS }
    )
  })

  it("never reverses more than was accrued: after any history each level earns at most what it earned at placement", () => {
    fc.assert(
      fc.property(scenarioArb(), (s) => {
        const placed = placedOrder(s)
        const before = runModule(s, placed)
        const after = runModule(s, applyHistory(s, placed))
        after.kept.forEach((k, i) => {
          const b = before.kept[i]
          check(cmp(parseDec(k.base), parseDec(b.base)) <= 0, () => `line ${i}: base ${b.base} → ${k.base}`)
          check(k.quantity <= b.quantity, () => `line ${i}: quantity ${b.quantity} → ${k.quantity}`)
        })
        for (const c of after.commissions) {
          const b = byLevel(before.commissions, c.level)
          check(cmp(parseDec(c.amount), parseDec(b.amount)) <= 0, () => `level ${c.level}: ${b.amount} at placement → ${c.amount}`)
          c.lines.forEach((l, i) =>
            check(cmp(parseDec(l.base), parseDec(b.lines[i].base)) <= 0, () => `level ${c.level} line ${i}: base ${b.lines[i].base} → ${l.base}`)
          )
        }
      }),
      { numRuns: NUM_RUNS }
    )
  })

  it("a canceled order pays nothing, whatever happened before", () => {
    fc.assert(
      fc.property(scenarioArb({ end: "cancel" }), fc.boolean(), (s, refundAll) => {
        const o = applyHistory(s, placedOrder(s), s.actions, refundAll ? "cancel_refund_all" : "cancel")
        const { kept, commissions } = runModule(s, o)
        for (const k of kept) check(isZero(k.base) && k.quantity === 0, () => `kept line ${show(k)}`)
        check(commissions.length === s.levels.length, () => "one commission per level")
        for (const c of commissions) {
          check(isZero(c.amount), () => `level ${c.level}: ${c.amount}`)
          for (const l of c.lines) check(isZero(l.amount) && isZero(l.base), () => `level ${c.level}: ${show(l)}`)
        }
      }),
      { numRuns: NUM_RUNS }
    )
  })

  it("caps rates cumulatively from level 1: never above max_total_rate, never negative, never above the level's rate", () => {
    fc.assert(
      fc.property(scenarioArb({ maxActions: 0 }), (s) => {
        const { commissions } = runModule(s, placedOrder(s))
        const max = bpsQ(s.maxTotal.bps)
        const sorted = [...commissions].sort((a, b) => a.level - b.level)
        check(show(sorted.map((c) => c.level)) === show(s.levels.map((_, i) => i + 1)), () => "levels 1..n")
        let sum = QZ
        for (const c of sorted) {
          const rate = parseDec(c.lines[0].rate!)
          for (const l of c.lines) check(cmp(parseDec(l.rate!), rate) === 0, () => `level ${c.level}: lines disagree on the rate`)
          const asked = bpsQ(s.levels[c.level - 1].bps)
          check(cmp(rate, QZ) >= 0, () => `level ${c.level}: negative rate ${c.lines[0].rate}`)
          check(cmp(rate, asked) <= 0, () => `level ${c.level}: rate ${c.lines[0].rate} above ${fmtDec(asked)}`)
          // A level only gives way once the levels before it have used up the cap.
          const room = qmax(QZ, sub(max, sum))
          check(cmp(rate, qmin(asked, room)) === 0, () => `level ${c.level}: rate ${c.lines[0].rate}, expected ${fmtDec(qmin(asked, room))}`)
          sum = add(sum, rate)
          check(cmp(sum, max) <= 0, () => `rates sum to ${fmtDec(sum)} > ${fmtDec(max)}`)
        }
      }),
      { numRuns: NUM_RUNS }
    )
  })

  it("is idempotent: the same state twice, or the stored kept lines recomputed, give the same result", () => {
    fc.assert(
      fc.property(scenarioArb(), (s) => {
        const o = applyHistory(s, placedOrder(s))
        const state = moduleState(o)
        const snapshot = show(state)
        const k1 = calculateKeptBase(state)
        const k2 = calculateKeptBase(state)
        check(show(k2) === show(k1), () => `kept lines differ: ${show(k1)} / ${show(k2)}`)
        check(show(state) === snapshot, () => "the order state was mutated")
        const input = { currency_code: o.currency, lines: k1, levels: moduleLevels(s), max_total_rate: bpsInput(s.maxTotal) }
        const c1 = show(splitCommissions(input))
        const c2 = show(splitCommissions(input))
        check(c2 === c1, () => `commissions differ: ${c1} / ${c2}`)
        check(show(k1) === show(calculateKeptBase(state)), () => "splitCommissions mutated the kept lines")
        // The kept lines as they come back from storage (JSON) give the same commissions.
        const c3 = show(splitCommissions({ ...input, lines: JSON.parse(JSON.stringify(k1)) }))
        check(c3 === c1, () => `commissions differ after a round trip: ${c1} / ${c3}`)
      }),
      { numRuns: NUM_RUNS }
    )
  })

  it("a refund that only pays for returned goods changes nothing (a refunded return counts once)", () => {
    // The history ends with a return, so there usually are returned goods left to refund.
    const withReturn = fc
      .tuple(scenarioArb({ end: "open", maxActions: 4 }), fc.nat(5), fc.nat(4))
      .map(([s, line, qty]): Scenario => ({ ...s, actions: [...s.actions, { kind: "return", line, qty, refund: "none" }] }))
    fc.assert(
      fc.property(withReturn, fc.nat(10_000), (s, bps) => {
        const o = applyHistory(s, placedOrder(s))
        const p = o.precision
        const returnedGross = qsum(o.lines.map((l) => mul(l.gross, q(l.returned, l.quantity))))
        const room = sub(returnedGross, o.refunded)
        fc.pre(cmp(room, QZ) > 0)
        const extra = fromMinor(floorMinor(mul(room, bpsQ(bps)), p), p)
        const before = runModule(s, o)
        const after = runModule(s, { ...o, refunded: add(o.refunded, extra) })
        const values = (r: typeof before) => show({ kept: r.kept.map((k) => [k.quantity, fmtDec(parseDec(k.base))]), c: r.commissions })
        check(values(after) === values(before), () => `refunding ${fmtDec(extra)} of returned goods changed ${values(before)} → ${values(after)}`)
      }),
      { numRuns: NUM_RUNS }
    )
  })
})

// ---------------------------------------------------------------------------------------
// Examples with exact amounts
// ---------------------------------------------------------------------------------------

type ExLine = { quantity?: number; returned?: number; net: string; gross?: string }
function compute(
  lines: ExLine[],
  opts: { currency?: string; refunded?: string; canceled?: boolean; rates?: (string | number)[]; max?: string | number } = {}
) {
  const kept = calculateKeptBase({
    currency_code: opts.currency ?? "usd",
    canceled: opts.canceled ?? false,
    refunded_total: opts.refunded ?? "0",
    lines: lines.map((l, i) => ({
      line_item_id: `item_${i}`,
      product_id: `prod_${i}`,
      quantity: l.quantity ?? 1,
      returned_quantity: l.returned ?? 0,
      net: l.net,
      gross: l.gross ?? l.net,
    })),
  })
  const commissions = splitCommissions({
    currency_code: opts.currency ?? "usd",
    lines: kept,
    levels: (opts.rates ?? ["0.1"]).map((rate, i) => ({ level: i + 1, distributor_id: `d${i + 1}`, rate, source: "level_rate" })),
    max_total_rate: opts.max ?? "0.3",
  })
  const num = (s: string) => Number(s)
  return {
    base: kept.reduce((a, k) => a + num(k.base), 0),
    bases: kept.map((k) => num(k.base)),
    amounts: commissions.map((c) => num(c.amount)),
    lines: commissions.map((c) => c.lines.map((l) => num(l.amount))),
    rates: commissions.map((c) => num(c.lines[0]?.rate ?? "0")),
    raw: commissions,
  }
}

describe("commission calculation (examples)", () => {
  // DESIGN §2: lines 200 + 50, shipping 10 (not a line), no tax, 10 % at level 1.
  const design: ExLine[] = [{ net: "200" }, { net: "50" }]

  it("DESIGN: at placement the base is 250 → 25.00", () => {
    const r = compute(design)
    expect(r.bases).toEqual([200, 50])
    expect(r.amounts).toEqual([25])
    expect(r.lines).toEqual([[20, 5]])
  })

  it("DESIGN: a goodwill refund of 50 → base 200 (pro rata 160 + 40) → 20.00", () => {
    const r = compute(design, { refunded: "50" })
    expect(r.bases).toEqual([160, 40])
    expect(r.amounts).toEqual([20])
    expect(r.lines).toEqual([[16, 4]])
  })

  it("DESIGN: a return of the 50 line, not refunded → base 200 → 20.00", () => {
    const r = compute([{ net: "200" }, { net: "50", returned: 1 }])
    expect(r.bases).toEqual([200, 0])
    expect(r.amounts).toEqual([20])
    expect(r.lines).toEqual([[20, 0]])
  })

  it("DESIGN: the same return refunded with 50 → base 200 → 20.00 (counted once)", () => {
    const r = compute([{ net: "200" }, { net: "50", returned: 1 }], { refunded: "50" })
    expect(r.bases).toEqual([200, 0])
    expect(r.amounts).toEqual([20])
  })

  it("DESIGN: that return refunded with 50 and a further refund of 20 → base 180 → 18.00", () => {
    const r = compute([{ net: "200" }, { net: "50", returned: 1 }], { refunded: "70" })
    expect(r.bases).toEqual([180, 0])
    expect(r.amounts).toEqual([18])
    expect(r.lines).toEqual([[18, 0]])
  })

  it("refunding shipping and everything else leaves nothing; the factor never goes below 0", () => {
    const r = compute(design, { refunded: "260" })
    expect(r.bases).toEqual([0, 0])
    expect(r.amounts).toEqual([0])
  })

  it("with tax, refunds are measured gross and the base stays net", () => {
    // 100 net + 20 % tax = 120 gross, and 100 net untaxed; a refund of 110 (half the 220 charged).
    const r = compute([{ net: "100", gross: "120" }, { net: "100" }], { refunded: "110" })
    expect(r.bases).toEqual([50, 50])
    expect(r.amounts).toEqual([10])
  })

  it("rounds once per commission: three lines of 0.05 at 10 % → 0.02, not 3 × 0.01", () => {
    const r = compute([{ net: "0.05" }, { net: "0.05" }, { net: "0.05" }])
    expect(r.raw[0].amount).toBe("0.02")
    // Largest remainder, ties to the lower index.
    expect(r.raw[0].lines.map((l) => l.amount)).toEqual(["0.01", "0.01", "0"])
  })

  it("rounds once per commission in a zero-decimal currency: three lines of ¥5 at 10 % → ¥2", () => {
    const r = compute([{ net: "5" }, { net: "5" }, { net: "5" }], { currency: "jpy" })
    expect(r.raw[0].amount).toBe("2")
    expect(r.raw[0].lines.map((l) => l.amount)).toEqual(["1", "1", "0"])
  })

  it("three-decimal currency: KWD 0.125 × 3 % = 0.00375 → 0.004", () => {
    const r = compute([{ net: "0.125" }], { currency: "kwd", rates: ["0.03"] })
    expect(r.raw[0].amount).toBe("0.004")
  })

  it("caps the rates from level 1: 20 % / 15 % / 10 % under a 30 % cap → 20 % / 10 % / 0 %", () => {
    const r = compute([{ net: "100" }], { rates: ["0.2", "0.15", "0.1"], max: "0.3" })
    expect(r.rates).toEqual([0.2, 0.1, 0])
    expect(r.amounts).toEqual([20, 10, 0])
  })

  it("a canceled order pays 0 at every level", () => {
    const r = compute(design, { canceled: true, rates: ["0.1", "0.05", "0.02"] })
    expect(r.amounts).toEqual([0, 0, 0])
    expect(r.lines).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
    ])
  })

  // Exact half-units reached through a return of part of a line or a pro-rata refund:
  // the exact commission sits on .5 of a minor unit and must round up.
  it("half-up after a partial return: ¥1005 for 3 units, 2 returned → base ¥335 → 10 % = ¥33.5 → ¥34", () => {
    const r = compute([{ net: "1005", quantity: 3, returned: 2 }], { currency: "jpy" })
    expect(r.raw[0].lines[0].base).toBe("335")
    expect(r.raw[0].amount).toBe("34")
  })

  it("half-up after a partial return: 0.15 for 3 units, 2 returned → base 0.05 → 10 % = 0.005 → 0.01", () => {
    const r = compute([{ net: "0.15", quantity: 3, returned: 2 }])
    expect(r.raw[0].amount).toBe("0.01")
  })

  it("half-up after a pro-rata refund: 3.00 with 2.00 refunded → base 1.00 → 1.5 % = 0.015 → 0.02", () => {
    const r = compute([{ net: "3" }], { refunded: "2", rates: ["0.015"] })
    expect(r.raw[0].lines[0].base).toBe("1")
    expect(r.raw[0].amount).toBe("0.02")
  })

  it("half-up line base after a partial return: 0.015 for 3 units, 2 returned → base 0.005 → shown as 0.01", () => {
    const r = compute([{ net: "0.015", quantity: 3, returned: 2 }])
    expect(r.raw[0].lines[0].base).toBe("0.01")
  })

  it("equal remainders go to the lower line index, also when one line's base comes from a partial return", () => {
    // Both lines keep 0.05 exactly, so both raw amounts are 0.005: the one missing cent goes to line 0.
    const r = compute([{ net: "0.15", quantity: 3, returned: 2 }, { net: "0.05" }])
    expect(r.raw[0].amount).toBe("0.01")
    expect(r.raw[0].lines.map((l) => l.amount)).toEqual(["0.01", "0"])
  })
})
