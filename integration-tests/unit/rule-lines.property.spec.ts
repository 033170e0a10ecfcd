/**
 * Property-based tests of commission lines under product rules, grades, sales tiers and
 * campaigns (issue #10): the engine's plan (`planOrderCommissions`, which attributes the
 * order, freezes each line's terms and splits the commission) is checked against the exact
 * reference in ./support/rules-reference.ts, written from DESIGN §2 on BigInt rationals,
 * over random catalogues, rule sets, grades, tiers, campaigns and orders in currencies of
 * 0, 2 and 3 decimals. Seeded: FC_SEED=<n> replays another sequence.
 */
import fc from "fast-check"
import {
  CampaignDefinition,
  commissionsUnder,
  CurrentLine,
  FrozenAttribution,
  planOrderCommissions,
  ProductFacts,
  RuleDefinition,
} from "../../src/modules/distribution/calculations"
import { DEFAULT_SETTINGS } from "../../src/modules/distribution/settings"
import { add, asMinor, check, cmp, fmtDec, fromMinor, mul, parseDec, q, qsum, QZ, show, ZERO } from "./support/exact"
import { bpsQ, Built, build, campaignArb, expectSame, MINUTE, normalise, PLACED, PRODUCTS, ruleArb, specArb } from "./support/rule-scenarios"
import { HARD_MAX_LEVELS, refKeptLines, refRuleCommissions } from "./support/rules-reference"

const SEED = Number(process.env.FC_SEED ?? 20_261_207)
const RUNS = 400
const params = (numRuns = RUNS) => ({ seed: SEED, numRuns })

/** The order's state at its first sync frozen, as the apply step stores it. */
function frozenFrom(built: Built): FrozenAttribution {
  const plan = planOrderCommissions(built.state)
  const a = plan.attribution!
  return {
    distributor_id: a.distributor_id,
    code: a.code,
    source: a.source,
    terms: a.terms,
    max_total_rate: a.max_total_rate,
    lines: a.lines,
    line_terms: a.line_terms,
    triggered_at: null,
  }
}

// ---------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------

describe("commission lines under rules, grades, tiers and campaigns (property-based, exact reference)", () => {
  it("every commission and line equals the reference: precedence, exclusions, fixed per unit, per-level values, campaigns, cap", () => {
    fc.assert(
      fc.property(specArb, (s) => {
        const built = build(s)
        const plan = planOrderCommissions(built.state)
        expectSame(plan.expected, refRuleCommissions(built.ref), built.ref.precision)
      }),
      params()
    )
  })

  it("rounds once per commission, lines sum to it, at most 3 levels, and no line pays more than max_total_rate of its base", () => {
    fc.assert(
      fc.property(specArb, (s) => {
        const built = build(s)
        const p = built.ref.precision
        const got = planOrderCommissions(built.state).expected
        const levels = got.map((c) => c.level)
        check(levels.length <= HARD_MAX_LEVELS && levels.every((l) => l >= 1 && l <= HARD_MAX_LEVELS), () => `levels ${show(levels)}`)
        check(new Set(levels).size === levels.length, () => `a level paid twice: ${show(levels)}`)
        const bases = refKeptLines(built.ref).map((k) => k.base)
        const unit = fromMinor(1, p)
        const perLine = bases.map(() => QZ)
        let totalPaid = QZ
        for (const c of got) {
          const total = asMinor(c.amount, p)
          const parts = c.lines.map((l) => asMinor(l.amount, p))
          check(typeof total === "bigint" && parts.every((x) => typeof x === "bigint"), () => `not whole minor units: ${show(c)}`)
          const sum = (parts as bigint[]).reduce((x, y) => x + y, ZERO)
          check(sum === total, () => `level ${c.level}: lines sum to ${sum}, commission ${total}`)
          check((total as bigint) >= ZERO && (parts as bigint[]).every((x) => x >= ZERO), () => `negative: ${show(c)}`)
          totalPaid = add(totalPaid, fromMinor(total as bigint, p))
          c.lines.forEach((l, i) => (perLine[i] = add(perLine[i], parseDec(l.amount))))
          // A rate line's rates over the levels stay within the cap.
        }
        const cap = bpsQ(s.maxTotalBps)
        const rateSum = got[0]?.lines.map((_, i) => got.reduce((acc, c) => (c.lines[i].rate !== undefined ? add(acc, parseDec(c.lines[i].rate!)) : acc), QZ)) ?? []
        rateSum.forEach((r, i) => check(cmp(r, cap) <= 0, () => `line ${i}: rates sum to ${fmtDec(r)} > ${fmtDec(cap)}`))
        // Rounded amounts: each level's one rounding may add half a minor unit, each line's share of it one unit.
        const slack = mul(unit, q(got.length))
        perLine.forEach((paid, i) =>
          check(cmp(paid, add(mul(bases[i], cap), slack)) <= 0, () => `line ${i} paid ${fmtDec(paid)} over the levels, above ${fmtDec(mul(bases[i], cap))}`)
        )
        const orderCap = add(mul(qsum(bases), cap), mul(unit, q(got.length, 2)))
        check(cmp(totalPaid, orderCap) <= 0, () => `the order paid ${fmtDec(totalPaid)} > ${fmtDec(orderCap)}`)
      }),
      params()
    )
  })

  it("an exclusion pays nothing on its products, whatever else applies, and leaves the other lines alone", () => {
    fc.assert(
      fc.property(specArb, fc.nat(PRODUCTS.length - 1), (s, k) => {
        const built = build(s)
        const target = PRODUCTS[k]
        const before = planOrderCommissions(built.state).expected
        const none: RuleDefinition = {
          id: "rule_zz_none",
          scope: "product",
          scope_id: target,
          kind: "none",
          level_values: [],
          currency_code: null,
          priority: 1000, // above every generated priority: it wins among product rules
          created_at: new Date(PLACED),
        }
        const state = { ...built.state, rule_context: { ...built.state.rule_context!, rules: [...built.rules, none] } }
        const after = planOrderCommissions(state).expected
        check(after.length === before.length, () => "the exclusion changed the paid levels")
        after.forEach((c, li) =>
          c.lines.forEach((l, i) => {
            if (l.product_id === target) {
              check(cmp(parseDec(l.amount), QZ) === 0 && l.source === "rule:rule_zz_none", () => `excluded line paid: ${show(l)}`)
            } else {
              const b = before[li].lines[i]
              // Only the rounding remainder may move between the other lines.
              check(l.source === b.source && (l.rate ?? l.fixed) === (b.rate ?? b.fixed), () => `line ${i} changed: ${show(b)} → ${show(l)}`)
            }
          })
        )
      }),
      params(200)
    )
  })

  it("the rules' order in the list does not matter (precedence is by scope, priority, age)", () => {
    fc.assert(
      fc.property(specArb, fc.nat(), (s, seed) => {
        const built = build(s)
        const shuffled = [...built.rules].sort((a, b) => ((hash(a.id, seed) - hash(b.id, seed)) | 0))
        const campaigns = [...built.campaigns].reverse()
        const a = planOrderCommissions(built.state).expected
        const b = planOrderCommissions({ ...built.state, rule_context: { ...built.state.rule_context!, rules: shuffled, campaigns } }).expected
        check(show(a) === show(b), () => `order of rules changed the result: ${show(a)} / ${show(b)}`)
      }),
      params(200)
    )
  })

  it("a rule or campaign changed after placement never moves the order's lines; returns and refunds later are applied to the frozen terms", () => {
    fc.assert(
      fc.property(specArb, fc.array(ruleArb, { maxLength: 8 }), fc.array(campaignArb, { maxLength: 3 }), fc.array(fc.nat(6), { minLength: 8, maxLength: 8 }), (s, otherRules, otherCampaigns, returns) => {
        const built = build(s)
        const frozen = frozenFrom(built)
        // Later: other rules and campaigns (running now), and more units returned.
        const later = build({ ...s, rules: otherRules, campaigns: otherCampaigns.map((c) => ({ ...c, startMinutes: 4 })) })
        const lines = built.state.order.lines.map((l, i) => ({ ...l, returned_quantity: Math.min(l.quantity, l.returned_quantity + returns[i]) }))
        const refLines = built.ref.lines.map((l, i) => ({ ...l, returned: Math.min(l.quantity, l.returned + returns[i]) }))
        const plan = planOrderCommissions({
          ...built.state,
          order: { ...built.state.order, lines },
          frozen,
          attribution_inputs: null,
          now: new Date(PLACED + 6 * MINUTE),
          rule_context: later.state.rule_context,
        })
        check(Object.keys(plan.new_line_terms).length === 0, () => "terms were re-decided for lines already frozen")
        expectSame(plan.expected, refRuleCommissions({ ...built.ref, lines: refLines }), built.ref.precision)
      }),
      params(200)
    )
  })

  it("the what-if preview under the order's own rules and campaigns pays what the order pays", () => {
    fc.assert(
      fc.property(specArb, (s) => {
        const built = build(s)
        const frozen = frozenFrom(built)
        const placed = planOrderCommissions(built.state).expected
        const previewed = commissionsUnder({ ...built.state, frozen, attribution_inputs: null }, built.products, {
          rules: built.rules,
          campaigns: built.campaigns,
        })
        const a = normalise(previewed, built.ref.precision)
        const b = normalise(placed, built.ref.precision)
        if (show(a) !== show(b)) expect(a).toEqual(b)
      }),
      params(200)
    )
  })
})

/** A cheap deterministic shuffle key. */
function hash(s: string, seed: number): number {
  let h = seed | 0
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 2654435761)
  return h
}

// ---------------------------------------------------------------------------------------
// Examples with exact amounts (DESIGN §2 and issue #10)
// ---------------------------------------------------------------------------------------

describe("commission lines under rules (examples)", () => {
  const product: ProductFacts = { product_id: "prod_a", category_ids: ["pcat_shoes", "pcat_all"], collection_id: "pcol_summer", type_id: "ptyp_x" }
  const rule = (id: string, scope: RuleDefinition["scope"], scope_id: string, kind: RuleDefinition["kind"], level_values: string[], extra: Partial<RuleDefinition> = {}): RuleDefinition => ({
    id,
    scope,
    scope_id,
    kind,
    level_values,
    currency_code: kind === "fixed" ? "usd" : null,
    priority: 0,
    created_at: new Date("2026-01-01T00:00:00Z"),
    ...extra,
  })
  function state(rules: RuleDefinition[], campaigns: CampaignDefinition[], lines: Partial<CurrentLine>[], max: number, rates: number[]) {
    return {
      order: {
        id: "order_1",
        created_at: new Date(PLACED),
        currency_code: "usd",
        customer_id: "cus_buyer",
        customer_has_account: true,
        canceled: false,
        refunded_total: "0",
        lines: lines.map((l, i) => ({ line_item_id: `item_${i}`, product_id: "prod_a", quantity: 2, returned_quantity: 0, net: "100", gross: "100", ...l })),
        completed: false,
        delivered: false,
        captured: false,
      },
      settings: { ...DEFAULT_SETTINGS, max_levels: 2, level_rates: rates, max_total_rate: max },
      now: new Date(PLACED),
      frozen: null,
      attribution_inputs: {
        customer_id: "cus_buyer",
        placed_at: new Date(PLACED),
        buyer: null,
        binding: null,
        cart_code: "SHARE1",
        cart_distributor: { id: "d1", customer_id: "cus_d1", status: "active" },
        chains: { d1: [1, 2, 3, 4].map((level) => ({ level, distributor_id: `d${level}`, status: "active" })) },
      },
      buyer_is_distributor: false,
      rule_context: { rules, campaigns, products: { prod_a: product } },
    }
  }
  function run(rules: RuleDefinition[], campaigns: CampaignDefinition[] = [], lines: Partial<CurrentLine>[] = [{}], max = 0.3) {
    const plan = planOrderCommissions(state(rules, campaigns, lines, max, [0.1, 0.05]))
    return plan.expected.map((c) => ({ level: c.level, amount: c.amount, lines: c.lines.map((l) => [l.amount, l.rate ?? `fixed ${l.fixed}`, l.source]) }))
  }

  it("the product rule beats the category's, the higher priority wins, then the older rule", () => {
    const older = { created_at: new Date("2025-01-01T00:00:00Z") }
    expect(run([rule("r_cat", "category", "pcat_shoes", "rate", ["0.2", "0.02"]), rule("r_prod", "product", "prod_a", "rate", ["0.15", "0.01"])])[0]).toEqual({
      level: 1,
      amount: "15",
      lines: [["15", "0.15", "rule:r_prod"]],
    })
    expect(run([rule("r_low", "category", "pcat_shoes", "rate", ["0.2"]), rule("r_high", "category", "pcat_all", "rate", ["0.12"], { priority: 5 })])[0].lines[0][2]).toBe("rule:r_high")
    expect(run([rule("r_new", "collection", "pcol_summer", "rate", ["0.2"]), rule("r_old", "collection", "pcol_summer", "rate", ["0.12"], older)])[0].lines[0][2]).toBe("rule:r_old")
  })

  it("a fixed amount is per unit and per level; only in its currency", () => {
    expect(run([rule("r_fix", "product_type", "ptyp_x", "fixed", ["2.5", "1"])])).toEqual([
      { level: 1, amount: "5", lines: [["5", "fixed 2.5", "rule:r_fix"]] },
      { level: 2, amount: "2", lines: [["2", "fixed 1", "rule:r_fix"]] },
    ])
    expect(run([rule("r_fix", "product_type", "ptyp_x", "fixed", ["2.5"], { currency_code: "eur" })])[0].lines[0][2]).toBe("level_rate")
  })

  it("an exclusion pays nothing, and a running campaign does not lift it", () => {
    const boost: CampaignDefinition = { id: "c1", starts_at: new Date(PLACED - MINUTE), ends_at: new Date(PLACED + MINUTE), scope: "all", scope_ids: null, multiplier: "2", level_rates: null }
    expect(run([rule("r_none", "category", "pcat_all", "none", [])], [boost])).toEqual([
      { level: 1, amount: "0", lines: [["0", "0", "rule:r_none"]] },
      { level: 2, amount: "0", lines: [["0", "0", "rule:r_none"]] },
    ])
  })

  it("a campaign counts from its start and not at its end; max_total_rate cuts the farthest level", () => {
    const at = (starts: number, ends: number): CampaignDefinition => ({ id: "c1", starts_at: new Date(starts), ends_at: new Date(ends), scope: "product", scope_ids: ["prod_a"], multiplier: "2", level_rates: null })
    expect(run([], [at(PLACED, PLACED + MINUTE)]).map((c) => c.amount)).toEqual(["20", "10"])
    expect(run([], [at(PLACED - MINUTE, PLACED)]).map((c) => c.amount)).toEqual(["10", "5"])
    expect(run([], [at(PLACED - MINUTE, PLACED + 1)], [{}], 0.25)).toEqual([
      { level: 1, amount: "20", lines: [["20", "0.2", "level_rate+campaign:c1"]] },
      { level: 2, amount: "5", lines: [["5", "0.05", "level_rate+campaign:c1+cap"]] },
    ])
  })

  it("the what-if preview multiplies the rate before the cap, as the order did (it used to cap first and pay less)", () => {
    // 20 % / 15 % under a 30 % cap, a campaign × 0.5: the order pays 10 % / 7.5 %, not 10 % / 5 %.
    const half: CampaignDefinition = { id: "c1", starts_at: new Date(PLACED - MINUTE), ends_at: new Date(PLACED + MINUTE), scope: "all", scope_ids: null, multiplier: "0.5", level_rates: null }
    const placed = state([], [half], [{}], 0.3, [0.2, 0.15])
    const plan = planOrderCommissions(placed)
    expect(plan.expected.map((c) => c.amount)).toEqual(["10", "7.5"])
    const a = plan.attribution!
    const frozen: FrozenAttribution = { ...a, triggered_at: null }
    const previewed = commissionsUnder({ ...placed, frozen, attribution_inputs: null }, { prod_a: product }, { rules: [], campaigns: [half] })
    expect(previewed.map((c) => c.amount)).toEqual(["10", "7.5"])
  })
})
