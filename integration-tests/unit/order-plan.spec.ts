/**
 * Property-based tests of an order's whole plan (`planOrderCommissions`: reconciliation of
 * lines, kept base, split), over random orders and random histories of refunds, returns
 * (refunded or not), order edits (units removed or added, lines added, values Medusa shows
 * re-priced) and cancellation, synced at random points, against the exact reference model
 * of `support/commission-reference.ts`.
 *
 * The history is simulated the way Medusa and the sync see it: the sync gets the order as
 * it is now (lines in any order, a line whose quantity went to 0 listed or not), and the
 * frozen attribution holds each line's values as first seen (the lines of the order at
 * placement, then what each sync added: `plan.new_lines`, as the apply step stores them).
 *
 * Checked at every sync, to the minor unit: every commission amount, and every line's id,
 * product, quantity, base, rate and amount; plus the properties a merchant or distributor
 * reads off a commission ("why did I get this"): lines show the goods kept now, sum to the
 * total, a line without units shows nothing, a commission at 0 has all-zero lines.
 */
import fc from "fast-check"
import {
  CalculatedCommission,
  CurrentLine,
  FrozenAttribution,
  FrozenLines,
  LevelTerms,
  OrderCommissionPlan,
  OrderSnapshot,
  planOrderCommissions,
} from "../../src/modules/distribution/calculations"
import { DEFAULT_SETTINGS } from "../../src/modules/distribution/settings"
import { RefCommission, refCommissions, RefLevel, RefLineState, RefOrderState, refChargedGross } from "./support/commission-reference"
import {
  add,
  asMinor,
  check,
  div,
  floorMinor,
  fmtDec,
  fromMinor,
  halfUpMinor,
  mul,
  parseDec,
  Q,
  q,
  qmax,
  qmin,
  qsum,
  QZ,
  show,
  sub,
  ZERO,
} from "./support/exact"

const HISTORY_RUNS = 400
const PERMUTATION_RUNS = 200

// The reference knows its currencies' units itself (Medusa's `decimal_digits`).
const CURRENCIES: [string, number][] = [
  ["usd", 2],
  ["jpy", 0],
  ["kwd", 3],
]

// ---------------------------------------------------------------------------------------
// Orders
// ---------------------------------------------------------------------------------------

type Discount = { kind: "none" } | { kind: "fixed"; bps: number } | { kind: "percent"; pct: number }
type PlacedLineSpec = { quantity: number; unit: number; discount: Discount; taxTenthsPct: number | null; keepsZero: boolean }
type NewLineSpec = { quantity: number; unit: number; pct: number; taxTenthsPct: number | null; keepsZero: boolean }
type LevelSpec = { bps: number; asNumber: boolean }
type OrderSpec = {
  currency: [string, number]
  ids: string[]
  lines: PlacedLineSpec[]
  shippingMinor: number
  levels: LevelSpec[]
  reverseLevels: boolean
  maxTotalBps: number
}

const unitArb = fc.oneof(
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 30 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 100_000 }) }
)
const taxArb = fc.option(fc.oneof(fc.constantFrom(0, 50, 100, 200), fc.integer({ min: 0, max: 200 })), { nil: null })
const placedLineArb: fc.Arbitrary<PlacedLineSpec> = fc.record({
  // 3 is favoured: a third of a line is where inexact decimal arithmetic shows.
  quantity: fc.oneof({ weight: 1, arbitrary: fc.constant(3) }, { weight: 2, arbitrary: fc.integer({ min: 1, max: 5 }) }),
  unit: unitArb,
  discount: fc.oneof(
    { weight: 2, arbitrary: fc.constant({ kind: "none" as const }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("fixed" as const), bps: fc.integer({ min: 0, max: 10_000 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("percent" as const), pct: fc.integer({ min: 0, max: 100 }) }) }
  ),
  taxTenthsPct: taxArb,
  keepsZero: fc.boolean(),
})
const newLineArb: fc.Arbitrary<NewLineSpec> = fc.record({
  quantity: fc.integer({ min: 1, max: 4 }),
  unit: unitArb,
  pct: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 100 })),
  taxTenthsPct: taxArb,
  keepsZero: fc.boolean(),
})
const levelsArb: fc.Arbitrary<LevelSpec[]> = fc.oneof(
  fc.constantFrom(
    [1000].map((bps) => ({ bps, asNumber: false })),
    [1000, 500].map((bps) => ({ bps, asNumber: false })),
    [1000, 500, 200].map((bps) => ({ bps, asNumber: true }))
  ),
  fc.array(
    fc.record({ bps: fc.oneof(fc.constantFrom(1000, 500, 200, 150, 50), fc.integer({ min: 0, max: 5000 })), asNumber: fc.boolean() }),
    { minLength: 1, maxLength: 3 }
  )
)
// Line ids whose sort order is not the order they were added in (the module sorts by id).
const idsArb = fc
  .uniqueArray(fc.integer({ min: 0, max: 46_655 }), { minLength: 12, maxLength: 12 })
  .map((ns) => ns.map((n) => `ordli_${n.toString(36)}`))
const orderArb: fc.Arbitrary<OrderSpec> = fc.record({
  currency: fc.constantFrom(...CURRENCIES),
  ids: idsArb,
  lines: fc.array(placedLineArb, { minLength: 1, maxLength: 5 }),
  shippingMinor: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 2000 })),
  levels: levelsArb,
  reverseLevels: fc.boolean(),
  maxTotalBps: fc.oneof(fc.constant(3000), fc.integer({ min: 0, max: 6000 })),
})

const bpsQ = (bps: number) => q(bps, 10_000)
const productOf = (i: number) => (i % 3 === 0 ? null : `prod_${i % 2}`)

/** What a line was paid for its quantity at placement: after discount, without and with tax. */
function placedValues(l: PlacedLineSpec, p: number): { net: Q; gross: Q } {
  const subtotal = fromMinor(l.quantity * l.unit, p)
  let net = subtotal
  if (l.discount.kind === "fixed") net = sub(subtotal, fromMinor(floorMinor(mul(subtotal, bpsQ(l.discount.bps)), p), p))
  if (l.discount.kind === "percent") net = mul(subtotal, q(100 - l.discount.pct, 100))
  return { net, gross: l.taxTenthsPct === null ? net : mul(net, q(1000 + l.taxTenthsPct, 1000)) }
}
function newLineUnit(l: NewLineSpec, p: number): { net: Q; gross: Q } {
  const net = mul(fromMinor(l.unit, p), q(100 - l.pct, 100))
  return { net, gross: l.taxTenthsPct === null ? net : mul(net, q(1000 + l.taxTenthsPct, 1000)) }
}

// ---------------------------------------------------------------------------------------
// The order as Medusa has it, and as the sync sees it
// ---------------------------------------------------------------------------------------

type SimLine = {
  id: string
  product_id: string | null
  /** Value of one unit as Medusa shows it now (a re-priced edit changes it; paid value does not). */
  shownNet: Q
  shownGross: Q
  /** Paid values for the quantity at the first sync that saw units on the line. */
  seen: { qty: number; net: Q; gross: Q } | null
  quantity: number
  returned: number
  /** Medusa keeps an item at quantity 0 in `order.items` (an edit set it to 0) or not. */
  keepsZero: boolean
}
type Sim = {
  currency: string
  p: number
  shipping: Q
  canceled: boolean
  refunded: Q
  lines: SimLine[]
  freeIds: string[]
  frozen: FrozenAttribution
  levels: RefLevel[]
  maxTotal: Q
  /** Whether units or lines were added so far (then a level may earn more than at placement). */
  grew: boolean
  atPlacement: Map<number, bigint> | null
}

/** Values Medusa shows are decimals (BigNumber keeps 20 places; these need fewer). */
const shown = (x: Q, p: number) => fromMinor(halfUpMinor(x, p + 6), p + 6)

function placeOrder(o: OrderSpec): Sim {
  const [currency, p] = o.currency
  const lines = o.lines.map((l, i): SimLine => {
    const { net, gross } = placedValues(l, p)
    return {
      id: o.ids[i],
      product_id: productOf(i),
      shownNet: div(net, q(l.quantity)),
      shownGross: div(gross, q(l.quantity)),
      seen: { qty: l.quantity, net, gross },
      quantity: l.quantity,
      returned: 0,
      keepsZero: l.keepsZero,
    }
  })
  const terms: LevelTerms[] = o.levels.map((r, i) => ({
    level: i + 1,
    distributor_id: `dist_${i + 1}`,
    rate: r.asNumber ? Number(fmtDec(bpsQ(r.bps))) : fmtDec(bpsQ(r.bps)),
    source: i === 1 ? "grade:gold" : "level_rate",
  }))
  const frozenLines: FrozenLines = Object.fromEntries(
    lines.map((l) => [l.id, { product_id: l.product_id, quantity: l.quantity, net: fmtDec(l.seen!.net), gross: fmtDec(l.seen!.gross) }])
  )
  return {
    currency,
    p,
    shipping: fromMinor(o.shippingMinor, p),
    canceled: false,
    refunded: QZ,
    lines,
    freeIds: o.ids.slice(o.lines.length),
    frozen: {
      distributor_id: "dist_1",
      code: "SHARE1",
      source: "binding",
      terms: o.reverseLevels ? [...terms].reverse() : terms,
      max_total_rate: fmtDec(bpsQ(o.maxTotalBps)),
      lines: frozenLines,
      triggered_at: null,
    },
    levels: terms.map((t, i) => ({ level: t.level, distributor_id: t.distributor_id, rate: bpsQ(o.levels[i].bps), source: t.source })),
    maxTotal: bpsQ(o.maxTotalBps),
    grew: false,
    atPlacement: null,
  }
}

/** The paid value of one unit of a line (as first seen; Medusa's value if no sync saw it yet). */
const paidUnitGross = (l: SimLine) => (l.seen ? div(l.seen.gross, q(l.seen.qty)) : l.shownGross)
const inItems = (l: SimLine) => l.quantity > 0 || l.keepsZero

function refState(sim: Sim): RefOrderState {
  return {
    precision: sim.p,
    canceled: sim.canceled,
    refunded: sim.refunded,
    lines: sim.lines
      .filter((l) => l.seen)
      .map(
        (l): RefLineState => ({
          id: l.id,
          product_id: l.product_id,
          unitNet: div(l.seen!.net, q(l.seen!.qty)),
          unitGross: div(l.seen!.gross, q(l.seen!.qty)),
          firstQty: l.seen!.qty,
          quantity: l.quantity,
          returned: l.returned,
        })
      ),
  }
}

/** The order as the load step hands it to the plan: lines as Medusa lists them, in any order. */
function snapshot(sim: Sim, shuffle: number): OrderSnapshot {
  const lines: CurrentLine[] = sim.lines.filter(inItems).map((l) => ({
    line_item_id: l.id,
    product_id: l.product_id,
    quantity: l.quantity,
    returned_quantity: l.returned,
    net: fmtDec(shown(mul(l.shownNet, q(l.quantity)), sim.p)),
    gross: fmtDec(shown(mul(l.shownGross, q(l.quantity)), sim.p)),
  }))
  const rotated = lines.length ? [...lines.slice(shuffle % lines.length), ...lines.slice(0, shuffle % lines.length)] : lines
  return {
    id: "order_1",
    created_at: new Date("2025-03-01T10:00:00Z"),
    currency_code: sim.currency,
    customer_id: "cus_1",
    customer_has_account: true,
    canceled: sim.canceled,
    refunded_total: fmtDec(sim.refunded),
    lines: shuffle % 2 ? rotated.reverse() : rotated,
    completed: false,
    delivered: false,
    captured: false,
  }
}

/** One sync: plan from the state now, checked against the reference; stores what it froze. */
function sync(sim: Sim, shuffle: number, checkCommissions = true): OrderCommissionPlan {
  const order = snapshot(sim, shuffle)
  const frozenBefore = show(sim.frozen)
  const plan = planOrderCommissions({
    order,
    settings: DEFAULT_SETTINGS,
    now: new Date("2025-03-02T10:00:00Z"),
    frozen: sim.frozen,
    attribution_inputs: null,
    buyer_is_distributor: false,
  })
  check(show(sim.frozen) === frozenBefore, () => "the plan mutated the frozen attribution")
  check(plan.attribution === null && plan.bind_buyer === null, () => "a later sync re-attributed the order")

  // First seen now: the lines with units that no sync saw yet, at the values Medusa shows.
  const firstSeen: FrozenLines = {}
  for (const l of sim.lines) {
    if (!l.seen && l.quantity > 0) {
      l.seen = { qty: l.quantity, net: shown(mul(l.shownNet, q(l.quantity)), sim.p), gross: shown(mul(l.shownGross, q(l.quantity)), sim.p) }
      firstSeen[l.id] = { product_id: l.product_id, quantity: l.quantity, net: fmtDec(l.seen.net), gross: fmtDec(l.seen.gross) }
    }
  }
  check(show(sortKeys(plan.new_lines)) === show(sortKeys(firstSeen)), () => `new lines ${show(plan.new_lines)}, expected ${show(firstSeen)}`)
  sim.frozen = { ...sim.frozen, lines: { ...sim.frozen.lines, ...plan.new_lines } }

  if (checkCommissions) expectPlanMatchesReference(sim, plan.expected)
  return plan
}

const sortKeys = <T>(r: Record<string, T>) => Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : 1)))

function expectPlanMatchesReference(sim: Sim, expected: CalculatedCommission[]) {
  const p = sim.p
  const ref = refCommissions(refState(sim), sim.levels, sim.maxTotal)
  const got = [...expected]
    .sort((a, b) => a.level - b.level)
    .map((c) => ({
      level: c.level,
      distributor_id: c.distributor_id,
      amount: asMinor(c.amount, p),
      lines: c.lines.map((l) => ({
        id: l.line_item_id,
        product_id: l.product_id,
        source: l.source,
        quantity: l.quantity,
        rate: fmtDec(parseDec(l.rate)),
        base: asMinor(l.base, p),
        amount: asMinor(l.amount, p),
      })),
    }))
  const want = ref.map((r: RefCommission) => ({
    level: r.level,
    distributor_id: r.distributor_id,
    amount: r.amount,
    lines: r.lines.map((l) => ({
      id: l.id,
      product_id: l.product_id,
      source: sim.levels[r.level - 1].source,
      quantity: l.quantity,
      rate: fmtDec(r.rate),
      base: l.base,
      amount: l.amount,
    })),
  }))
  if (show(got) !== show(want)) expect(got).toEqual(want) // a readable diff, only on failure

  // What "why did I get this" shows, stated on its own.
  const atPlacement = sim.atPlacement ?? new Map(got.map((c) => [c.level, c.amount as bigint]))
  sim.atPlacement = atPlacement
  for (const c of got) {
    const total = c.amount as bigint
    const lines = c.lines.map((l) => l.amount as bigint)
    check(lines.reduce((a, b) => a + b, ZERO) === total, () => `level ${c.level}: lines ${show(lines)} do not sum to ${total}`)
    check(total >= ZERO && lines.every((a) => a >= ZERO), () => `level ${c.level}: a negative amount ${show(c)}`)
    for (const l of c.lines) {
      if (l.quantity === 0) check(l.amount === ZERO && l.base === ZERO, () => `level ${c.level}: a line without units shows ${show(l)}`)
      if (sim.canceled) check(l.quantity === 0 && l.base === ZERO, () => `canceled, yet a line shows ${show(l)}`)
    }
    if (total === ZERO) check(lines.every((a) => a === ZERO), () => `level ${c.level}: a commission at 0 with lines ${show(lines)}`)
    if (!sim.grew)
      check(total <= atPlacement.get(c.level)!, () => `level ${c.level}: ${total} now, ${atPlacement.get(c.level)} at placement`)
    // One line per line ever seen, sorted by id, each seen line's units now.
    const ids = sim.lines.filter((l) => l.seen).map((l) => l.id).sort()
    check(show(c.lines.map((l) => l.id)) === show(ids), () => `level ${c.level}: lines ${show(c.lines.map((l) => l.id))}, expected ${show(ids)}`)
  }
}

// ---------------------------------------------------------------------------------------
// Histories
// ---------------------------------------------------------------------------------------

type Event =
  | { kind: "refund"; mode: "share_of_left" | "minor"; a: number }
  | { kind: "return"; line: number; qty: number; refund: "none" | "value" | "value_less_fee" }
  | { kind: "edit_remove"; line: number; qty: number; refund: boolean }
  | { kind: "edit_add"; line: number; qty: number }
  | { kind: "add_line"; spec: NewLineSpec }
  | { kind: "reprice"; line: number; pct: number }
  | { kind: "cancel" }
  | { kind: "sync"; shuffle: number }

const eventArb: fc.Arbitrary<Event> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("refund" as const), mode: fc.constantFrom("share_of_left" as const, "minor" as const), a: fc.nat(10_000) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("return" as const),
      line: fc.nat(11),
      qty: fc.nat(4),
      refund: fc.constantFrom("none" as const, "value" as const, "value_less_fee" as const),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("edit_remove" as const), line: fc.nat(11), qty: fc.nat(4), refund: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("edit_add" as const), line: fc.nat(11), qty: fc.nat(3) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("add_line" as const), spec: newLineArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("reprice" as const), line: fc.nat(11), pct: fc.integer({ min: 50, max: 150 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: "cancel" as const }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("sync" as const), shuffle: fc.nat(20) }) }
)

const pick = <T>(xs: T[], i: number): T | undefined => (xs.length ? xs[i % xs.length] : undefined)

/** Applies one event to the order, as far as it can apply now (a canceled order only gets refunds). */
function applyEvent(sim: Sim, e: Event): void {
  const p = sim.p
  const refund = (amount: Q) => {
    const left = sub(add(fromMinor(halfUpMinor(refChargedGross(refStateAll(sim)), p), p), sim.shipping), sim.refunded)
    sim.refunded = add(sim.refunded, qmax(QZ, qmin(amount, left)))
  }
  if (e.kind === "sync") return void sync(sim, e.shuffle)
  if (e.kind === "refund") {
    const left = qmax(QZ, sub(add(fromMinor(halfUpMinor(refChargedGross(refStateAll(sim)), p), p), sim.shipping), sim.refunded))
    return refund(e.mode === "minor" ? fromMinor(e.a % 500, p) : fromMinor(floorMinor(mul(left, bpsQ(e.a)), p), p))
  }
  if (sim.canceled) return
  if (e.kind === "cancel") {
    sim.canceled = true
  } else if (e.kind === "return") {
    const line = pick(
      sim.lines.filter((l) => l.quantity > l.returned),
      e.line
    )
    if (!line) return
    const k = (e.qty % (line.quantity - line.returned)) + 1
    line.returned += k
    const value = mul(paidUnitGross(line), q(k))
    if (e.refund === "value") refund(fromMinor(halfUpMinor(value, p), p))
    if (e.refund === "value_less_fee") refund(fromMinor(halfUpMinor(mul(value, q(9, 10)), p), p))
  } else if (e.kind === "edit_remove") {
    // Medusa removes units not yet fulfilled: never returned ones.
    const line = pick(
      sim.lines.filter((l) => l.quantity > l.returned),
      e.line
    )
    if (!line) return
    const k = (e.qty % (line.quantity - line.returned)) + 1
    line.quantity -= k
    if (e.refund) refund(fromMinor(halfUpMinor(mul(paidUnitGross(line), q(k)), p), p))
  } else if (e.kind === "edit_add") {
    // An item Medusa still lists (also at quantity 0: an edit may set it back up).
    const line = pick(sim.lines.filter(inItems), e.line)
    if (!line) return
    line.quantity += (e.qty % 3) + 1
    sim.grew = true
  } else if (e.kind === "add_line") {
    const id = sim.freeIds.shift()
    if (!id) return
    const unit = newLineUnit(e.spec, p)
    sim.lines.push({
      id,
      product_id: `prod_new_${e.spec.unit % 3}`,
      shownNet: unit.net,
      shownGross: unit.gross,
      seen: null,
      quantity: e.spec.quantity,
      returned: 0,
      keepsZero: e.spec.keepsZero,
    })
    sim.grew = true
  } else if (e.kind === "reprice") {
    const line = pick(
      sim.lines.filter((l) => l.quantity > 0),
      e.line
    )
    if (!line) return
    line.shownNet = mul(line.shownNet, q(e.pct, 100))
    line.shownGross = mul(line.shownGross, q(e.pct, 100))
  }
}

/** Every line with its paid unit value, seen or not (for what the customer was charged). */
function refStateAll(sim: Sim): RefOrderState {
  return {
    precision: sim.p,
    canceled: sim.canceled,
    refunded: sim.refunded,
    lines: sim.lines.map((l) => ({
      id: l.id,
      product_id: l.product_id,
      unitNet: QZ,
      unitGross: paidUnitGross(l),
      firstQty: l.seen?.qty ?? 0,
      quantity: l.quantity,
      returned: l.returned,
    })),
  }
}

function runHistory(order: OrderSpec, events: Event[], finalShuffle = 0): { sim: Sim; plan: OrderCommissionPlan } {
  const sim = placeOrder(order)
  sync(sim, 0) // the sync at placement
  for (const e of events) applyEvent(sim, e)
  return { sim, plan: sync(sim, finalShuffle) }
}

// ---------------------------------------------------------------------------------------
// The same events in every order: a multiset whose events all apply in any order
// ---------------------------------------------------------------------------------------

type FixedEvent =
  | { kind: "refund"; amount: Q }
  | { kind: "return"; id: string; qty: number; refund: Q }
  | { kind: "edit_remove"; id: string; qty: number; refund: Q }
  | { kind: "edit_add"; id: string; qty: number }
  | { kind: "add_line"; id: string; spec: NewLineSpec }
  | { kind: "cancel" }

type LineChanges = {
  returns: { qty: number; refund: "none" | "value" | "value_less_fee" }[]
  removes: { qty: number; refund: boolean }[]
  adds: number[]
}
const lineChangesArb: fc.Arbitrary<LineChanges> = fc.record({
  returns: fc.array(
    fc.record({ qty: fc.integer({ min: 1, max: 2 }), refund: fc.constantFrom("none" as const, "value" as const, "value_less_fee" as const) }),
    { maxLength: 2 }
  ),
  removes: fc.array(fc.record({ qty: fc.integer({ min: 1, max: 2 }), refund: fc.boolean() }), { maxLength: 2 }),
  adds: fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 2 }),
})
const multisetArb = fc.record({
  order: orderArb,
  changes: fc.array(lineChangesArb, { minLength: 5, maxLength: 5 }),
  goodwillBps: fc.array(fc.integer({ min: 0, max: 4000 }), { maxLength: 3 }),
  newLines: fc.array(newLineArb, { maxLength: 2 }),
  cancel: fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
})
type Multiset = { order: OrderSpec; changes: LineChanges[]; goodwillBps: number[]; newLines: NewLineSpec[]; cancel: boolean }

/**
 * Events fixed up front (amounts included), so that each applies in any order: returns and
 * removals of a line never take more units than it had at placement, whatever came before.
 */
function fixedEvents(m: Multiset): FixedEvent[] {
  const [, p] = m.order.currency
  const events: FixedEvent[] = []
  m.order.lines.forEach((l, i) => {
    const id = m.order.ids[i]
    const unitGross = div(placedValues(l, p).gross, q(l.quantity))
    const value = (k: number, share = q(1)) => fromMinor(halfUpMinor(mul(mul(unitGross, q(k)), share), p), p)
    let budget = l.quantity
    const c = m.changes[i]
    for (const r of c.returns) {
      if (r.qty > budget) continue
      budget -= r.qty
      events.push({ kind: "return", id, qty: r.qty, refund: r.refund === "none" ? QZ : value(r.qty, r.refund === "value" ? q(1) : q(9, 10)) })
    }
    for (const r of c.removes) {
      if (r.qty > budget) continue
      budget -= r.qty
      events.push({ kind: "edit_remove", id, qty: r.qty, refund: r.refund ? value(r.qty) : QZ })
    }
    for (const a of c.adds) events.push({ kind: "edit_add", id, qty: a })
  })
  const paid = qsum(m.order.lines.map((l) => placedValues(l, p).gross))
  for (const bps of m.goodwillBps) events.push({ kind: "refund", amount: fromMinor(floorMinor(mul(paid, bpsQ(bps)), p), p) })
  m.newLines.forEach((spec, i) => events.push({ kind: "add_line", id: m.order.ids[m.order.lines.length + i], spec }))
  if (m.cancel) events.push({ kind: "cancel" })
  return events
}

function applyFixed(sim: Sim, e: FixedEvent): void {
  const line = "id" in e ? sim.lines.find((l) => l.id === e.id) : undefined
  if (e.kind === "refund") sim.refunded = add(sim.refunded, e.amount)
  if (e.kind === "cancel") sim.canceled = true
  if (e.kind === "return") {
    check(line!.quantity - line!.returned >= e.qty, () => "test bug: a return of more than is left")
    line!.returned += e.qty
    sim.refunded = add(sim.refunded, e.refund)
  }
  if (e.kind === "edit_remove") {
    check(line!.quantity - line!.returned >= e.qty, () => "test bug: a removal of more than is left")
    line!.quantity -= e.qty
    sim.refunded = add(sim.refunded, e.refund)
  }
  if (e.kind === "edit_add") {
    line!.quantity += e.qty
    sim.grew = true
  }
  if (e.kind === "add_line") {
    const unit = newLineUnit(e.spec, sim.p)
    sim.lines.push({
      id: e.id,
      product_id: "prod_new",
      shownNet: unit.net,
      shownGross: unit.gross,
      seen: null,
      quantity: e.spec.quantity,
      returned: 0,
      keepsZero: e.spec.keepsZero,
    })
    sim.grew = true
  }
}

/** The reference straight from the multiset: order does not enter it at all. */
function multisetReference(m: Multiset): RefCommission[] {
  const [, p] = m.order.currency
  const events = fixedEvents(m)
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)
  const lines: RefLineState[] = m.order.lines.map((l, i) => {
    const id = m.order.ids[i]
    const mine = events.filter((e) => "id" in e && e.id === id)
    const { net, gross } = placedValues(l, p)
    const qty = (kind: FixedEvent["kind"]) => sum(mine.filter((e) => e.kind === kind).map((e) => (e as { qty: number }).qty))
    return {
      id,
      product_id: productOf(i),
      unitNet: div(net, q(l.quantity)),
      unitGross: div(gross, q(l.quantity)),
      firstQty: l.quantity,
      quantity: l.quantity - qty("edit_remove") + qty("edit_add"),
      returned: qty("return"),
    }
  })
  m.newLines.forEach((spec, i) => {
    const unit = newLineUnit(spec, p)
    const id = m.order.ids[m.order.lines.length + i]
    lines.push({ id, product_id: "prod_new", unitNet: unit.net, unitGross: unit.gross, firstQty: spec.quantity, quantity: spec.quantity, returned: 0 })
  })
  const refunded = qsum(events.map((e) => (e.kind === "refund" ? e.amount : e.kind === "return" || e.kind === "edit_remove" ? e.refund : QZ)))
  const sim = placeOrder(m.order)
  return refCommissions({ precision: p, canceled: m.cancel, refunded, lines }, sim.levels, sim.maxTotal)
}

/** A permutation of the events, and after which of them a sync runs. */
const orderingArb = (events: FixedEvent[]) =>
  fc.record({
    events: fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
    syncAfter: fc.array(fc.boolean(), { minLength: events.length, maxLength: events.length }),
    shuffle: fc.nat(20),
  })
type Ordering = { events: FixedEvent[]; syncAfter: boolean[]; shuffle: number }

function runOrdering(m: Multiset, ordering: Ordering): { sim: Sim; plan: OrderCommissionPlan } {
  const sim = placeOrder(m.order)
  sync(sim, 0)
  ordering.events.forEach((e, i) => {
    applyFixed(sim, e)
    // What matters here is what these syncs freeze; every sync is checked in the test above.
    if (ordering.syncAfter[i]) sync(sim, ordering.shuffle + i, false)
  })
  return { sim, plan: sync(sim, ordering.shuffle) }
}

const planShown = (plan: OrderCommissionPlan) => show([...plan.expected].sort((a, b) => a.level - b.level))

// ---------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------

describe("order plan over histories (property-based, against an exact reference)", () => {
  it("at every sync of any history, every commission and every line equals the reference, to the minor unit", () => {
    fc.assert(
      fc.property(orderArb, fc.array(eventArb, { maxLength: 14 }), fc.nat(20), (order, events, shuffle) => {
        runHistory(order, events, shuffle)
      }),
      { numRuns: HISTORY_RUNS }
    )
  })

  it("the same events in any order, synced at any points, give the same plan, lines included, equal to the reference", () => {
    const arb = multisetArb.chain((m) => {
      const events = fixedEvents(m)
      return fc.tuple(fc.constant(m), orderingArb(events), orderingArb(events))
    })
    fc.assert(
      fc.property(arb, ([m, first, second]) => {
        const a = runOrdering(m, first)
        const b = runOrdering(m, second)
        check(planShown(a.plan) === planShown(b.plan), () => `two orders of the same events: ${planShown(a.plan)} / ${planShown(b.plan)}`)
        check(show(sortKeys(a.sim.frozen.lines)) === show(sortKeys(b.sim.frozen.lines)), () => "two orders froze different lines")
        const want = multisetReference(m)
        const got = [...a.plan.expected].sort((x, y) => x.level - y.level)
        const p = a.sim.p
        const values = (cs: { level: number; amount: bigint | string; lines: { id: string; quantity: number; base: bigint | string; amount: bigint | string }[] }[]) =>
          show(cs.map((c) => ({ level: c.level, amount: c.amount, lines: c.lines.map((l) => [l.id, l.quantity, l.base, l.amount]) })))
        const gotValues = values(
          got.map((c) => ({
            level: c.level,
            amount: asMinor(c.amount, p),
            lines: c.lines.map((l) => ({ id: l.line_item_id, quantity: l.quantity, base: asMinor(l.base, p), amount: asMinor(l.amount, p) })),
          }))
        )
        check(gotValues === values(want), () => `plan ${gotValues}, reference ${values(want)}`)
      }),
      { numRuns: PERMUTATION_RUNS }
    )
  })

  it("is pure: the same state planned twice gives the same plan; stored, the new lines are not new again", () => {
    fc.assert(
      fc.property(orderArb, fc.array(eventArb, { maxLength: 10 }), (order, events) => {
        const sim = placeOrder(order)
        for (const e of events) if (e.kind !== "sync") applyEvent(sim, e)
        const state = {
          order: snapshot(sim, 3),
          settings: DEFAULT_SETTINGS,
          now: "2025-03-02T10:00:00Z",
          frozen: sim.frozen,
          attribution_inputs: null,
          buyer_is_distributor: false,
        }
        const before = show(state)
        const first = planOrderCommissions(state)
        check(show(planOrderCommissions(state)) === show(first), () => "two plans of one state differ")
        check(show(state) === before, () => "the plan mutated its input")
        const stored = { ...state, frozen: { ...sim.frozen, lines: { ...sim.frozen.lines, ...first.new_lines } } }
        const again = planOrderCommissions(stored)
        check(Object.keys(again.new_lines).length === 0, () => `lines new twice: ${show(again.new_lines)}`)
        check(show(again.expected) === show(first.expected), () => "storing the new lines changed the commissions")
        // Stored as JSON (the attribution row), the frozen values give the same plan.
        const roundTrip = planOrderCommissions(JSON.parse(JSON.stringify(stored)))
        check(show(roundTrip.expected) === show(first.expected), () => "the plan differs after a JSON round trip")
      }),
      { numRuns: 300 }
    )
  })
})

// ---------------------------------------------------------------------------------------
// The first sync, and what the plan decides besides amounts
// ---------------------------------------------------------------------------------------

const PLACED_AT = new Date("2025-03-01T10:00:00Z")
const NOW = new Date("2025-03-05T08:30:00Z")
const DAY_MS = 24 * 60 * 60 * 1000

describe("order plan: the first sync and the settlement trigger (property-based)", () => {
  const firstSyncArb = fc.record({
    order: orderArb,
    rates: fc.array(fc.constantFrom(0.1, 0.05, 0.02, 0.125, 0), { maxLength: 3 }),
    max_levels: fc.integer({ min: 1, max: 3 }),
    maxTotal: fc.constantFrom(0.3, 0.12, 0),
    policy: fc.constantFrom("first" as const, "override" as const, "expiring" as const),
    cartCode: fc.boolean(),
    binding: fc.boolean(),
    hasAccount: fc.boolean(),
  })

  it("freezes every line with units at its values now, and the terms of who the order pays; the next sync plans the same", () => {
    fc.assert(
      fc.property(firstSyncArb, (r) => {
        const sim = placeOrder(r.order)
        const settings = { ...DEFAULT_SETTINGS, level_rates: r.rates, max_levels: r.max_levels, max_total_rate: r.maxTotal, binding_policy: r.policy }
        const order = { ...snapshot(sim, 7), customer_has_account: r.hasAccount }
        const chains = {
          dist_1: ["dist_1", "dist_2", "dist_3"].map((distributor_id, i) => ({ level: i + 1, distributor_id, status: "active" })),
          dist_9: ["dist_9", "dist_8"].map((distributor_id, i) => ({ level: i + 1, distributor_id, status: "active" })),
        }
        const plan = planOrderCommissions({
          order,
          settings,
          now: NOW,
          frozen: null,
          attribution_inputs: {
            customer_id: "cus_1",
            placed_at: PLACED_AT,
            buyer: null,
            binding: r.binding ? { distributor_id: "dist_1", code: "BIND1", bound_at: new Date(PLACED_AT.getTime() - DAY_MS), expires_at: null } : null,
            cart_code: r.cartCode ? "cart9" : null,
            cart_distributor: r.cartCode ? { id: "dist_9", customer_id: "cus_9", status: "active" } : null,
            chains,
          },
          buyer_is_distributor: false,
        })

        // Who: the cart's code when there is no binding, or under override; else the binding.
        const viaCart = r.cartCode && (!r.binding || r.policy === "override")
        const start = viaCart ? "dist_9" : r.binding ? "dist_1" : null
        const members = start ? chains[start as keyof typeof chains].filter((m) => m.level <= r.max_levels) : []
        const levels: RefLevel[] = members.map((m) => ({ level: m.level, distributor_id: m.distributor_id, rate: parseDec(String(r.rates[m.level - 1] ?? 0)), source: "level_rate" }))
        const a = plan.attribution!
        check(a !== null, () => "the first sync froze no attribution")
        check(
          show([a.distributor_id, a.source, a.code, a.customer_id, a.currency_code, a.max_total_rate]) ===
            show([start, viaCart ? "cart_code" : start ? "binding" : null, viaCart ? "CART9" : start ? "BIND1" : null, "cus_1", sim.currency, String(r.maxTotal)]),
          () => `attribution ${show(a)}`
        )
        check(show(a.terms.map((t) => [t.level, t.distributor_id])) === show(levels.map((l) => [l.level, l.distributor_id])), () => `terms ${show(a.terms)}`)
        const lines = sortKeys(a.lines)
        const want = sortKeys(Object.fromEntries(order.lines.filter((l) => l.quantity > 0).map((l) => [l.line_item_id, { product_id: l.product_id, quantity: l.quantity, net: l.net, gross: l.gross }])))
        check(show(lines) === show(want), () => `frozen lines ${show(lines)}, expected ${show(want)}`)
        check(Object.keys(plan.new_lines).length === 0, () => "the first sync reports lines as new besides the attribution")
        check(
          show(plan.bind_buyer) === show(viaCart && r.hasAccount ? { customer_id: "cus_1", code: "CART9" } : null),
          () => `bind_buyer ${show(plan.bind_buyer)}`
        )

        // The amounts: the reference over the lines as placed, with these terms.
        sim.levels = levels
        sim.maxTotal = parseDec(String(r.maxTotal))
        expectPlanMatchesReference(sim, plan.expected)

        // The next sync, from what was frozen, plans the same.
        const next = planOrderCommissions({
          order,
          settings,
          now: NOW,
          frozen: { ...a, triggered_at: null },
          attribution_inputs: null,
          buyer_is_distributor: false,
        })
        check(show(next.expected) === show(plan.expected), () => "the second sync plans differently from the first")
        check(next.attribution === null && next.bind_buyer === null, () => "the second sync re-attributes")
      }),
      { numRuns: 150 }
    )
  })

  it("trigger, hold and enrollment follow the settings, and the trigger is recorded once", () => {
    const arb = fc.record({
      trigger: fc.constantFrom("delivered_or_completed" as const, "completed" as const, "captured" as const),
      freeze_days: fc.constantFrom(0, 1, 7, 30),
      enabled: fc.boolean(),
      mode: fc.constantFrom("open" as const, "approval" as const, "after_first_order" as const, "invite_only" as const),
      canceled: fc.boolean(),
      completed: fc.boolean(),
      delivered: fc.boolean(),
      captured: fc.boolean(),
      triggeredBefore: fc.option(fc.integer({ min: 1, max: 40 }), { nil: null }),
      customer: fc.boolean(),
      hasAccount: fc.boolean(),
      buyerIsDistributor: fc.boolean(),
    })
    fc.assert(
      fc.property(arb, (r) => {
        const triggered_at = r.triggeredBefore === null ? null : new Date(NOW.getTime() - r.triggeredBefore * DAY_MS)
        const plan = planOrderCommissions({
          order: {
            id: "order_1",
            created_at: PLACED_AT,
            currency_code: "usd",
            customer_id: r.customer ? "cus_1" : null,
            customer_has_account: r.hasAccount,
            canceled: r.canceled,
            refunded_total: "0",
            lines: [],
            completed: r.completed,
            delivered: r.delivered,
            captured: r.captured,
          },
          settings: { ...DEFAULT_SETTINGS, settlement_trigger: r.trigger, freeze_days: r.freeze_days, enabled: r.enabled, enrollment_mode: r.mode },
          now: NOW.toISOString(),
          frozen: { distributor_id: null, code: null, source: null, terms: [], max_total_rate: "0.3", lines: {}, triggered_at: triggered_at?.toISOString() ?? null },
          attribution_inputs: null,
          buyer_is_distributor: r.buyerIsDistributor,
        })
        // DESIGN §2 "Lifecycle": the trigger is the order completed or delivered (default),
        // completed only, or its payment captured; a canceled order reaches none.
        const reached =
          !r.canceled && (r.trigger === "captured" ? r.captured : r.trigger === "completed" ? r.completed : r.completed || r.delivered)
        const since = triggered_at ?? (reached ? NOW : null)
        const want = {
          triggered_now: !triggered_at && reached ? NOW.toISOString() : null,
          frozen_until: since ? new Date(since.getTime() + r.freeze_days * DAY_MS).toISOString() : null,
          enroll_buyer: r.enabled && r.mode === "after_first_order" && !!since && r.customer && r.hasAccount && !r.buyerIsDistributor,
        }
        const got = {
          triggered_now: plan.triggered_now?.toISOString() ?? null,
          frozen_until: plan.frozen_until?.toISOString() ?? null,
          enroll_buyer: plan.enroll_buyer,
        }
        check(show(got) === show(want), () => `${show(r)}: ${show(got)}, expected ${show(want)}`)
        check(plan.expected.length === 0 && plan.attribution === null && plan.bind_buyer === null, () => "an order without terms pays nobody")
      }),
      { numRuns: 1000 }
    )
  })
})

// ---------------------------------------------------------------------------------------
// Examples with exact amounts (the defects the issue found, and edits)
// ---------------------------------------------------------------------------------------

describe("order plan (examples)", () => {
  const frozenOf = (lines: FrozenLines, rates: (string | number)[] = ["0.1"]): FrozenAttribution => ({
    distributor_id: "d1",
    code: "SHARE1",
    source: "binding",
    terms: rates.map((rate, i) => ({ level: i + 1, distributor_id: `d${i + 1}`, rate, source: "level_rate" })),
    max_total_rate: "0.3",
    lines,
    triggered_at: null,
  })
  const plan = (frozen: FrozenAttribution, lines: CurrentLine[], refunded = "0", canceled = false) =>
    planOrderCommissions({
      order: {
        id: "order_1",
        created_at: "2025-03-01T10:00:00Z",
        currency_code: "usd",
        customer_id: "cus_1",
        customer_has_account: true,
        canceled,
        refunded_total: refunded,
        lines,
        completed: false,
        delivered: false,
        captured: false,
      },
      settings: DEFAULT_SETTINGS,
      now: "2025-03-02T10:00:00Z",
      frozen,
      attribution_inputs: null,
      buyer_is_distributor: false,
    })
  const cur = (id: string, quantity: number, returned: number, net: string): CurrentLine => ({
    line_item_id: id,
    product_id: `p_${id}`,
    quantity,
    returned_quantity: returned,
    net,
    gross: net,
  })
  const view = (p: OrderCommissionPlan) => p.expected.map((c) => [c.amount, c.lines.map((l) => [l.line_item_id, l.quantity, l.base, l.amount])])

  // Lines 200 + 50 at 10 %: a goodwill refund of 50 (→ 160 + 40), then the 50 line is returned.
  const designFrozen = frozenOf({
    a: { product_id: "p_a", quantity: 1, net: "200", gross: "200" },
    b: { product_id: "p_b", quantity: 1, net: "50", gross: "50" },
  })

  it("a return already covered by earlier refunds: same total, but the returned line shows 0 and the kept one all", () => {
    const before = plan(designFrozen, [cur("a", 1, 0, "200"), cur("b", 1, 0, "50")], "50")
    expect(view(before)).toEqual([["20", [["a", 1, "160", "16"], ["b", 1, "40", "4"]]]])
    const after = plan(designFrozen, [cur("a", 1, 0, "200"), cur("b", 1, 1, "50")], "50")
    expect(view(after)).toEqual([["20", [["a", 1, "200", "20"], ["b", 0, "0", "0"]]]])
  })

  it("a commission brought to 0 shows all-zero lines", () => {
    const p = plan(designFrozen, [cur("a", 1, 1, "200"), cur("b", 1, 1, "50")], "250")
    expect(view(p)).toEqual([["0", [["a", 0, "0", "0"], ["b", 0, "0", "0"]]]])
  })

  it("an edit removing a unit counts it as returned: its refund pays for it, not the kept units", () => {
    const frozen = frozenOf({ a: { product_id: "p_a", quantity: 3, net: "30", gross: "30" } })
    // 3 × 10 placed; the edit leaves 2 (Medusa now shows 20) and 10 is refunded.
    expect(view(plan(frozen, [cur("a", 2, 0, "20")], "10"))).toEqual([["2", [["a", 2, "20", "2"]]]])
    // Not refunded: the same.
    expect(view(plan(frozen, [cur("a", 2, 0, "20")]))).toEqual([["2", [["a", 2, "20", "2"]]]])
    // Removed from the order altogether: nothing kept.
    expect(view(plan(frozen, [], "30"))).toEqual([["0", [["a", 0, "0", "0"]]]])
  })

  it("an edit adding units pays them at the paid unit value, whatever Medusa shows for the line now", () => {
    const frozen = frozenOf({ a: { product_id: "p_a", quantity: 3, net: "10", gross: "10" } })
    // Medusa re-prices the line at 5 for 4 units: the paid unit value (10 / 3) stays.
    const p = plan(frozen, [cur("a", 4, 0, "5")])
    expect(view(p)).toEqual([["1.33", [["a", 4, "13.33", "1.33"]]]])
    expect(p.new_lines).toEqual({})
  })

  it("a line added by an edit is frozen at its value when first seen, and sorted by id among the others", () => {
    const frozen = frozenOf({ m: { product_id: "p_m", quantity: 1, net: "100", gross: "100" } })
    const p = plan(frozen, [cur("z", 1, 0, "30"), cur("m", 1, 0, "100"), cur("a", 2, 0, "50")])
    expect(p.new_lines).toEqual({
      a: { product_id: "p_a", quantity: 2, net: "50", gross: "50" },
      z: { product_id: "p_z", quantity: 1, net: "30", gross: "30" },
    })
    expect(view(p)).toEqual([["18", [["a", 2, "50", "5"], ["m", 1, "100", "10"], ["z", 1, "30", "3"]]]])
  })

  it("a line an edit added and set to 0 before any sync saw it is paid once an edit gives it units again", () => {
    const frozen = frozenOf({ a: { product_id: "p_a", quantity: 1, net: "100", gross: "100" } })
    // Medusa keeps the item at quantity 0 (ITEM_UPDATE to 0 leaves it in order.items).
    const first = plan(frozen, [cur("a", 1, 0, "100"), cur("c", 0, 0, "0")])
    expect(first.new_lines).toEqual({})
    expect(view(first)).toEqual([["10", [["a", 1, "100", "10"]]]])
    const stored = { ...frozen, lines: { ...frozen.lines, ...first.new_lines } }
    const second = plan(stored, [cur("a", 1, 0, "100"), cur("c", 2, 0, "30")])
    expect(second.new_lines).toEqual({ c: { product_id: "p_c", quantity: 2, net: "30", gross: "30" } })
    expect(view(second)).toEqual([["13", [["a", 1, "100", "10"], ["c", 2, "30", "3"]]]])
  })

  it("a canceled order shows every line at 0 units and 0, at every level", () => {
    const p = plan(frozenOf(designFrozen.lines, ["0.1", "0.05"]), [cur("a", 1, 0, "200"), cur("b", 1, 0, "50")], "0", true)
    expect(view(p)).toEqual([
      ["0", [["a", 0, "0", "0"], ["b", 0, "0", "0"]]],
      ["0", [["a", 0, "0", "0"], ["b", 0, "0", "0"]]],
    ])
  })
})
