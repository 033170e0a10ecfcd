/**
 * Random scenarios for the rule-line property tests: a catalogue, rules, campaigns, grades,
 * tiers, a chain and an order, built both as the engine's sync state and as the reference's
 * input (./rules-reference), and the engine's output put in the reference's terms.
 */
import fc from "fast-check"
import {
  CalculatedCommission,
  CampaignDefinition,
  CurrentLine,
  OrderSyncState,
  ProductFacts,
  RuleDefinition,
} from "../../../src/modules/distribution/calculations"
import { DEFAULT_SETTINGS, DistributionSettings } from "../../../src/modules/distribution/settings"
import { asMinor, floorMinor, fmtDec, fromMinor, mul, parseDec, q, qsum, show, sub } from "./exact"
import { RefCampaign, RefCommission, RefMember, RefRule, RefScenario } from "./rules-reference"

// Medusa's decimal_digits, known to the test itself.
export const CURRENCIES: [string, number][] = [
  ["jpy", 0],
  ["krw", 0],
  ["usd", 2],
  ["cny", 2],
  ["eur", 2],
  ["kwd", 3],
  ["bhd", 3],
]
export const PRODUCTS = ["prod_a", "prod_b", "prod_c", "prod_d"]
const POOLS = {
  product: [...PRODUCTS, "prod_gone"],
  category: ["pcat_1", "pcat_2", "pcat_3", "pcat_gone"],
  collection: ["pcol_1", "pcol_2", "pcol_gone"],
  product_type: ["ptyp_1", "ptyp_2", "ptyp_gone"],
}
export const MINUTE = 60_000
export const PLACED = Date.parse("2026-11-11T12:00:00.000Z")
export const bpsQ = (bps: number) => q(bps, 10_000)

export type RuleSpec = {
  scope: keyof typeof POOLS
  pick: number
  kind: "rate" | "fixed" | "none"
  /** Rates in basis points, or fixed amounts in units of 10^-(p + extra). */
  values: number[]
  extra: 0 | 1
  currency: "order" | "ORDER" | "other" | null
  priority: number
  ageMinutes: number
  dateAsString: boolean
}
export type CampaignSpec = {
  scope: "all" | "product" | "category"
  picks: number[]
  startMinutes: number
  lengthMinutes: number
  multiplier: string | null
  rates: number[] | null
}
type LineSpec = { product: number; quantity: number; unitMinor: number; discountBps: number; taxBps: number; returned: number }
type MemberSpec = { active: boolean; grade: number | null; tier: number[] | null }
export type Spec = {
  currency: [string, number]
  catalogue: { categories: number[]; collection: number | null; type: number | null }[]
  rules: RuleSpec[]
  campaigns: CampaignSpec[]
  grades: number[][]
  members: MemberSpec[]
  maxLevels: number
  storeRates: number[]
  maxTotalBps: number
  lineIds: string[]
  lines: LineSpec[]
  refundBps: number
}

const rateBps = fc.oneof(fc.constantFrom(0, 100, 500, 1000, 1500, 2000), fc.integer({ min: 0, max: 10_000 }))
export const ruleArb: fc.Arbitrary<RuleSpec> = fc.record({
  scope: fc.constantFrom("product", "category", "collection", "product_type"),
  pick: fc.nat(4),
  kind: fc.oneof({ weight: 3, arbitrary: fc.constant("rate" as const) }, { weight: 2, arbitrary: fc.constant("fixed" as const) }, { weight: 1, arbitrary: fc.constant("none" as const) }),
  values: fc.array(fc.oneof(rateBps, fc.integer({ min: 0, max: 5_000 })), { minLength: 1, maxLength: 3 }),
  extra: fc.constantFrom(0 as const, 0 as const, 1 as const),
  currency: fc.constantFrom("order" as const, "order" as const, "ORDER" as const, "other" as const, null),
  // Few values: ties of priority and of age are common.
  priority: fc.constantFrom(-1, 0, 0, 1, 2),
  ageMinutes: fc.integer({ min: 0, max: 3 }),
  dateAsString: fc.boolean(),
})
export const campaignArb: fc.Arbitrary<CampaignSpec> = fc.record({
  scope: fc.constantFrom("all", "product", "category"),
  picks: fc.uniqueArray(fc.nat(4), { minLength: 1, maxLength: 3 }),
  // Around the placement (minute 0): windows that start or end right at it are common.
  startMinutes: fc.integer({ min: -3, max: 2 }),
  lengthMinutes: fc.integer({ min: 1, max: 3 }),
  multiplier: fc.option(fc.constantFrom("0.5", "0.8", "1.25", "1.5", "2", "3"), { nil: null }),
  rates: fc.option(fc.array(rateBps, { minLength: 1, maxLength: 3 }), { nil: null }),
})
const lineArb: fc.Arbitrary<LineSpec> = fc.record({
  product: fc.nat(5), // 4: a product missing from the catalogue, 5: a line without product
  quantity: fc.oneof(fc.constant(3), fc.integer({ min: 1, max: 6 })),
  unitMinor: fc.oneof({ weight: 2, arbitrary: fc.integer({ min: 1, max: 40 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 100_000 }) }),
  discountBps: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 10_000 })),
  taxBps: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 2_500 })),
  returned: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.nat(6) }),
})
export const specArb: fc.Arbitrary<Spec> = fc.record({
  currency: fc.constantFrom(...CURRENCIES),
  catalogue: fc.array(
    fc.record({
      categories: fc.uniqueArray(fc.nat(2), { maxLength: 3 }),
      collection: fc.option(fc.nat(1), { nil: null }),
      type: fc.option(fc.nat(1), { nil: null }),
    }),
    { minLength: PRODUCTS.length, maxLength: PRODUCTS.length }
  ),
  rules: fc.array(ruleArb, { maxLength: 12 }),
  campaigns: fc.array(campaignArb, { maxLength: 4 }),
  grades: fc.array(fc.array(rateBps, { minLength: 1, maxLength: 3 }), { maxLength: 3 }),
  members: fc.array(
    fc.record({
      active: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      grade: fc.option(fc.nat(3), { nil: null }), // 3: a grade that is gone
      tier: fc.option(fc.array(rateBps, { minLength: 1, maxLength: 3 }), { nil: null }),
    }),
    { minLength: 1, maxLength: 5 }
  ),
  // Above 3 only through a stored value out of range: the hard cap still holds.
  maxLevels: fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 1, max: 3 }) }, { weight: 1, arbitrary: fc.integer({ min: 4, max: 5 }) }),
  storeRates: fc.array(rateBps, { maxLength: 3 }),
  maxTotalBps: fc.oneof(fc.constant(3000), fc.integer({ min: 0, max: 6000 })),
  // Ids whose order is not the lines' order (the engine sorts lines by id).
  lineIds: fc.uniqueArray(fc.integer({ min: 0, max: 46_655 }), { minLength: 8, maxLength: 8 }).map((ns) => ns.map((n) => `ordli_${n.toString(36)}`)),
  lines: fc.array(lineArb, { minLength: 1, maxLength: 8 }),
  refundBps: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 10_000 }) }),
})

/** One scenario, as the reference sees it and as the engine's load step would hand it over. */
export type Built = { ref: RefScenario; state: OrderSyncState; products: Record<string, ProductFacts>; rules: RuleDefinition[]; campaigns: CampaignDefinition[] }

const currencyOfRule = (r: RuleSpec, currency: string) =>
  r.currency === "order" ? currency : r.currency === "ORDER" ? currency.toUpperCase() : r.currency === "other" ? (currency === "eur" ? "usd" : "eur") : null

export function build(s: Spec): Built {
  const [currency, p] = s.currency
  const products: Record<string, ProductFacts> = {}
  const refProducts: RefScenario["products"] = {}
  s.catalogue.forEach((c, i) => {
    const facts: ProductFacts = {
      product_id: PRODUCTS[i],
      category_ids: c.categories.map((k) => POOLS.category[k]),
      collection_id: c.collection === null ? null : POOLS.collection[c.collection],
      type_id: c.type === null ? null : POOLS.product_type[c.type],
    }
    products[facts.product_id] = facts
    refProducts[facts.product_id] = { id: facts.product_id, categories: facts.category_ids, collection: facts.collection_id, type: facts.type_id }
  })

  const refRules: RefRule[] = []
  const rules: RuleDefinition[] = s.rules.map((r, i) => {
    const pool = POOLS[r.scope]
    const scale = r.kind === "fixed" ? p + r.extra : 4
    const values = r.kind === "none" ? [] : r.values.map((v) => q(v, 10 ** scale))
    const created = PLACED - (10 - r.ageMinutes) * MINUTE
    const def: RuleDefinition = {
      id: `rule_${String(i).padStart(2, "0")}`,
      scope: r.scope,
      scope_id: pool[r.pick % pool.length],
      kind: r.kind,
      level_values: values.map(fmtDec),
      currency_code: currencyOfRule(r, currency),
      priority: r.priority,
      created_at: r.dateAsString ? new Date(created).toISOString() : new Date(created),
    }
    refRules.push({ ...def, values, currency: def.currency_code, created })
    return def
  })

  const refCampaigns: RefCampaign[] = []
  const campaigns: CampaignDefinition[] = s.campaigns.map((c, i) => {
    const pool = c.scope === "product" ? POOLS.product : POOLS.category
    const ids = c.scope === "all" ? [] : c.picks.map((k) => pool[k % pool.length])
    const starts = PLACED + c.startMinutes * MINUTE
    const ends = starts + c.lengthMinutes * MINUTE
    const def: CampaignDefinition = {
      id: `camp_${i}`,
      starts_at: i % 2 ? new Date(starts).toISOString() : new Date(starts),
      ends_at: new Date(ends),
      scope: c.scope,
      scope_ids: c.scope === "all" ? null : ids,
      multiplier: c.multiplier,
      level_rates: c.rates ? c.rates.map((b) => fmtDec(bpsQ(b))) : null,
    }
    refCampaigns.push({
      id: def.id,
      starts,
      ends,
      scope: c.scope,
      ids,
      multiplier: c.multiplier ? parseDec(c.multiplier) : null,
      rates: c.rates ? c.rates.map(bpsQ) : null,
    })
    return def
  })

  const grades = Object.fromEntries(s.grades.map((rates, i) => [`grade_${i}`, { id: `grade_${i}`, level_rates: rates.map((b) => fmtDec(bpsQ(b))) }]))
  // The code's owner is active (attribution has its own tests); the uplines may not be.
  s = { ...s, members: s.members.map((m, i) => (i === 0 ? { ...m, active: true } : m)) }
  const refMembers: RefMember[] = s.members.map((m, i) => {
    const gradeId = m.grade === null ? null : `grade_${m.grade}`
    const grade = gradeId && grades[gradeId] ? { id: gradeId, rates: s.grades[m.grade!].map(bpsQ) } : null
    return { level: i + 1, id: `dist_${i + 1}`, active: m.active, grade, tier: m.tier ? { id: `tier_${i + 1}`, rates: m.tier.map(bpsQ) } : null }
  })
  const tiers = Object.fromEntries(
    s.members.flatMap((m, i) => (m.tier ? [[`dist_${i + 1}`, { id: `tier_${i + 1}`, level_rates: m.tier.map((b) => fmtDec(bpsQ(b))) }]] : []))
  )

  const refLines: RefScenario["lines"] = []
  const lines: CurrentLine[] = s.lines.map((l, i) => {
    const subtotal = fromMinor(BigInt(l.unitMinor * l.quantity), p)
    // A discount in whole minor units, as Medusa's adjustments are.
    const discount = fromMinor(BigInt(Math.floor((l.unitMinor * l.quantity * l.discountBps) / 10_000)), p)
    const net = sub(subtotal, discount)
    const gross = mul(net, q(10_000 + l.taxBps, 10_000))
    const product_id = l.product === 5 ? null : POOLS.product[l.product]
    const returned = Math.min(l.returned, l.quantity)
    refLines.push({ id: s.lineIds[i], product_id, quantity: l.quantity, returned, net, gross })
    return { line_item_id: s.lineIds[i], product_id, quantity: l.quantity, returned_quantity: returned, net: fmtDec(net), gross: fmtDec(gross) }
  })
  // A goodwill refund of a share of the kept goods, in whole minor units.
  const keptGross = qsum(refLines.map((l) => mul(l.gross, q(l.quantity - l.returned, l.quantity))))
  const refund = fromMinor(floorMinor(mul(keptGross, bpsQ(s.refundBps)), p), p)

  const settings: DistributionSettings = {
    ...DEFAULT_SETTINGS,
    max_levels: s.maxLevels,
    level_rates: s.storeRates.map((b) => Number(fmtDec(bpsQ(b)))),
    max_total_rate: Number(fmtDec(bpsQ(s.maxTotalBps))),
  }
  const state: OrderSyncState = {
    order: {
      id: "order_1",
      created_at: new Date(PLACED),
      currency_code: currency,
      customer_id: "cus_buyer",
      customer_has_account: true,
      canceled: false,
      refunded_total: fmtDec(refund),
      lines,
      completed: false,
      delivered: false,
      captured: false,
    },
    settings,
    now: new Date(PLACED + 5 * MINUTE),
    frozen: null,
    attribution_inputs: {
      customer_id: "cus_buyer",
      placed_at: new Date(PLACED),
      buyer: null,
      binding: null,
      cart_code: "SHARE1",
      cart_distributor: { id: "dist_1", customer_id: "cus_dist_1", status: "active" },
      chains: {
        dist_1: s.members.map((m, i) => ({
          level: i + 1,
          distributor_id: `dist_${i + 1}`,
          status: m.active ? "active" : "suspended",
          grade_id: m.grade === null ? null : `grade_${m.grade}`,
        })),
      },
      grades,
      tiers,
    },
    buyer_is_distributor: false,
    rule_context: { rules, campaigns, products },
  }
  const ref: RefScenario = {
    precision: p,
    currency,
    placed: PLACED,
    refunded: refund,
    lines: refLines,
    products: refProducts,
    rules: refRules,
    campaigns: refCampaigns,
    members: refMembers,
    maxLevels: s.maxLevels,
    storeRates: s.storeRates.map(bpsQ),
    maxTotal: bpsQ(s.maxTotalBps),
  }
  return { ref, state, products, rules, campaigns }
}

/** The engine's commissions in the reference's terms (amounts in minor units). */
export function normalise(commissions: CalculatedCommission[], p: number) {
  return [...commissions]
    .sort((a, b) => a.level - b.level)
    .map((c) => ({
      level: c.level,
      distributor_id: c.distributor_id,
      amount: asMinor(c.amount, p),
      base: asMinor(c.base, p),
      lines: c.lines.map((l) => ({
        id: l.line_item_id,
        product_id: l.product_id,
        quantity: l.quantity,
        base: asMinor(l.base, p),
        amount: asMinor(l.amount, p),
        ...(l.fixed !== undefined ? { fixed: fmtDec(parseDec(l.fixed)) } : { rate: fmtDec(parseDec(l.rate!)) }),
        source: l.source,
      })),
    }))
}
export function expected(ref: RefCommission[]) {
  return ref.map((c) => ({
    level: c.level,
    distributor_id: c.distributor_id,
    amount: c.amount,
    base: c.base,
    lines: c.lines.map((l) => ({
      id: l.id,
      product_id: l.product_id,
      quantity: l.quantity,
      base: l.base,
      amount: l.amount,
      ...(l.fixed !== undefined ? { fixed: fmtDec(l.fixed) } : { rate: fmtDec(l.rate!) }),
      source: l.source,
    })),
  }))
}
export function expectSame(got: CalculatedCommission[], ref: RefCommission[], p: number) {
  const a = normalise(got, p)
  const b = expected(ref)
  if (show(a) !== show(b)) expect(a).toEqual(b) // a readable diff, only on failure
}
