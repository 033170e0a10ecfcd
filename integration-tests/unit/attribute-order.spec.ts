/**
 * Who an order pays (`attributeOrder`, `attributionCandidates`), against a reference
 * written here from DESIGN §2 "Attribution of an order":
 *
 * 1. a buyer who is an active distributor (approved no later than the order was placed)
 *    stays in their own chain, whatever code the cart carries: with `self_purchase` the
 *    buyer is level 1, otherwise their parent (no parent: nobody is paid);
 * 2. else the buyer's binding, if it existed and had not expired when the order was placed —
 *    unless, under `override`, the cart carries a valid code, which then wins;
 * 3. else the code the cart carried (trimmed, upper-cased), if it belongs to an active
 *    distributor who is not the buyer (self-referral never attributes);
 * then walk up the chain from level 1: only levels up to `max_levels` (never beyond 3,
 * whatever is stored), only active members (the others are skipped, not compressed: their
 * level is simply not paid), and without `self_purchase` never the buyer themself.
 * Nothing when the plugin is disabled; an order without a customer can still carry a cart code.
 */
import fc from "fast-check"
import { AttributionInputs, attributeOrder, attributionCandidates, ChainMember } from "../../src/modules/distribution/calculations"
import { DEFAULT_SETTINGS, DistributionSettings } from "../../src/modules/distribution/settings"
import { check, show } from "./support/exact"

type Settings = Pick<DistributionSettings, "enabled" | "self_purchase" | "binding_policy" | "max_levels" | "level_rates">

const PLACED = Date.parse("2025-03-01T12:00:00Z")
const DAY = 24 * 60 * 60 * 1000
const at = (days: number) => new Date(PLACED + days * DAY)

type RefTerms = { level: number; distributor_id: string; rate: number }
type RefAttribution = { distributor_id: string; code: string | null; source: string; terms: RefTerms[] } | null

function reference(inputs: AttributionInputs, s: Settings): RefAttribution {
  if (!s.enabled) return null
  const placed = new Date(inputs.placed_at).getTime()
  const time = (d: Date | string) => new Date(d).getTime()

  const buyer = inputs.buyer
  const buyerActive = !!buyer && buyer.status === "active" && (buyer.approved_at === null || time(buyer.approved_at) <= placed)
  let start: { id: string; code: string | null; source: string } | null = null
  if (buyerActive) {
    const first = s.self_purchase ? buyer!.id : buyer!.parent_id
    if (first) start = { id: first, code: null, source: "self" }
  } else {
    const b = inputs.binding
    const bindingLive = !!b && time(b.bound_at) <= placed && (b.expires_at === null || time(b.expires_at) > placed)
    const c = inputs.cart_distributor
    const cartValid = !!inputs.cart_code && !!c && c.status === "active" && c.customer_id !== inputs.customer_id
    if (cartValid && (s.binding_policy === "override" || !bindingLive)) {
      start = { id: c!.id, code: inputs.cart_code!.trim().toUpperCase(), source: "cart_code" }
    } else if (bindingLive) {
      start = { id: b!.distributor_id, code: b!.code, source: "binding" }
    }
  }
  if (!start) return null

  const paidLevels = Math.min(s.max_levels, 3)
  const terms: RefTerms[] = []
  for (const m of inputs.chains[start.id] ?? []) {
    if (m.level > paidLevels || m.status !== "active") continue
    if (!s.self_purchase && buyer && m.distributor_id === buyer.id) continue
    terms.push({ level: m.level, distributor_id: m.distributor_id, rate: s.level_rates[m.level - 1] ?? 0 })
  }
  return { distributor_id: start.id, code: start.code, source: start.source, terms }
}

const moduleView = (a: ReturnType<typeof attributeOrder>): RefAttribution =>
  a && {
    distributor_id: a.distributor_id,
    code: a.code,
    source: a.source,
    terms: a.terms.map((t) => {
      check(t.source === "level_rate", () => `terms source ${t.source}`)
      return { level: t.level, distributor_id: t.distributor_id, rate: Number(t.rate) }
    }),
  }

// ---------------------------------------------------------------------------------------
// Random inputs
// ---------------------------------------------------------------------------------------

const STATUS = ["active", "pending", "suspended", "rejected"] as const
const statusArb = fc.oneof({ weight: 3, arbitrary: fc.constant("active") }, { weight: 2, arbitrary: fc.constantFrom(...STATUS) })
// Days around the placement, with the edge itself favoured.
const offsetArb = fc.oneof(fc.constant(0), fc.integer({ min: -40, max: 40 }), fc.constantFrom(-1 / DAY, 1 / DAY))
const POOL = ["dist_a", "dist_b", "dist_c", "dist_d", "dist_e", "dist_parent", "dist_buyer", "dist_x"]

const chainArb = (startId: string): fc.Arbitrary<ChainMember[]> =>
  fc
    .tuple(statusArb, fc.array(fc.tuple(fc.constantFrom(...POOL), statusArb), { maxLength: 5 }))
    .map(([status, ups]) => [
      { level: 1, distributor_id: startId, status },
      ...ups.map(([distributor_id, s], i) => ({ level: i + 2, distributor_id, status: s })),
    ])

const inputsArb: fc.Arbitrary<AttributionInputs> = fc
  .record({
    customer: fc.oneof({ weight: 12, arbitrary: fc.constant("cus_buyer") }, { weight: 1, arbitrary: fc.constant(null) }),
    buyer: fc.option(
      fc.record({
        status: statusArb,
        parent: fc.option(fc.constant("dist_parent"), { nil: null }),
        approved: fc.option(offsetArb, { nil: null }),
      }),
      { nil: null }
    ),
    binding: fc.option(
      fc.record({
        distributor_id: fc.constantFrom("dist_a", "dist_b", "dist_parent"),
        bound: offsetArb,
        expires: fc.option(offsetArb, { nil: null }),
      }),
      { nil: null }
    ),
    cart: fc.option(
      fc.record({
        raw: fc.constantFrom("share_b", " SHARE_B ", "Share_B\t", "mine"),
        owner: fc.option(
          fc.record({
            who: fc.constantFrom("dist_b", "dist_a", "dist_buyer"),
            status: statusArb,
          }),
          { nil: null }
        ),
      }),
      { nil: null }
    ),
    chains: fc.record({
      dist_a: chainArb("dist_a"),
      dist_b: chainArb("dist_b"),
      dist_parent: chainArb("dist_parent"),
      dist_buyer: chainArb("dist_buyer"),
    }),
  })
  .map(
    (r): AttributionInputs => ({
      customer_id: r.customer,
      placed_at: new Date(PLACED),
      buyer: r.buyer && {
        id: "dist_buyer",
        status: r.buyer.status,
        parent_id: r.buyer.parent,
        approved_at: r.buyer.approved === null ? null : at(r.buyer.approved),
      },
      binding: r.binding && {
        distributor_id: r.binding.distributor_id,
        code: `CODE_${r.binding.distributor_id.toUpperCase()}`,
        bound_at: at(r.binding.bound),
        expires_at: r.binding.expires === null ? null : at(r.binding.expires),
      },
      cart_code: r.cart?.raw ?? null,
      cart_distributor: r.cart?.owner
        ? {
            id: r.cart.owner.who,
            // The buyer's own code is owned by the buyer's customer.
            customer_id: r.cart.owner.who === "dist_buyer" ? "cus_buyer" : `cus_${r.cart.owner.who}`,
            status: r.cart.owner.who === "dist_buyer" && r.buyer ? r.buyer.status : r.cart.owner.status,
          }
        : null,
      chains: r.chains,
    })
  )

const settingsArb: fc.Arbitrary<Settings> = fc.record({
  enabled: fc.oneof({ weight: 8, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  self_purchase: fc.boolean(),
  binding_policy: fc.constantFrom("first" as const, "override" as const, "expiring" as const),
  // 4 and 5 cannot pass the settings schema: the hard cap must hold anyway.
  max_levels: fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 1, max: 3 }) }, { weight: 1, arbitrary: fc.integer({ min: 4, max: 5 }) }),
  level_rates: fc.array(fc.constantFrom(0.1, 0.05, 0.02, 0, 0.125), { maxLength: 3 }),
})

// ---------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------

describe("attributeOrder (property-based, against DESIGN §2)", () => {
  it("attributes every order exactly as the design's rules say", () => {
    fc.assert(
      fc.property(inputsArb, settingsArb, (inputs, settings) => {
        const got = moduleView(attributeOrder(inputs, settings))
        const want = reference(inputs, settings)
        if (show(got) !== show(want)) expect({ got, inputs, settings }).toEqual({ got: want, inputs, settings })
      }),
      { numRuns: 3000 }
    )
  })

  it("never pays a 4th level, a level twice, an inactive member, or anyone when disabled", () => {
    fc.assert(
      fc.property(inputsArb, settingsArb, (inputs, settings) => {
        const a = attributeOrder(inputs, settings)
        if (!settings.enabled) return check(a === null, () => "disabled, yet attributed")
        if (!a) return
        const levels = a.terms.map((t) => t.level)
        check(levels.every((l) => l >= 1 && l <= Math.min(3, settings.max_levels)), () => `levels ${show(levels)}`)
        check(new Set(levels).size === levels.length, () => `a level paid twice: ${show(levels)}`)
        const chain = inputs.chains[a.distributor_id] ?? []
        for (const t of a.terms) {
          const member = chain.find((m) => m.level === t.level)
          check(member?.status === "active" && member.distributor_id === t.distributor_id, () => `paid ${show(t)} from ${show(chain)}`)
        }
      }),
      { numRuns: 1000 }
    )
  })

  it("the candidates are the only chains attribution reads: reading just those gives the same attribution", () => {
    fc.assert(
      fc.property(inputsArb, settingsArb, (inputs, settings) => {
        const { chains, ...rest } = inputs
        const candidates = attributionCandidates(rest, settings)
        const only = Object.fromEntries(candidates.filter((id) => chains[id]).map((id) => [id, chains[id]]))
        const full = attributeOrder(inputs, settings)
        check(show(attributeOrder({ ...rest, chains: only }, settings)) === show(full), () => `candidates ${show(candidates)} miss the chain used`)
        if (full) check(candidates.includes(full.distributor_id), () => `${full.distributor_id} not among ${show(candidates)}`)
      }),
      { numRuns: 1000 }
    )
  })
})

// ---------------------------------------------------------------------------------------
// The rules one by one, with named cases
// ---------------------------------------------------------------------------------------

const chain = (...members: [string, string][]): ChainMember[] =>
  members.map(([distributor_id, status], i) => ({ level: i + 1, distributor_id, status }))
const settings = (patch: Partial<Settings> = {}): Settings => ({
  ...DEFAULT_SETTINGS,
  max_levels: 3,
  level_rates: [0.1, 0.05, 0.02],
  ...patch,
})
const base: AttributionInputs = {
  customer_id: "cus_buyer",
  placed_at: new Date(PLACED),
  buyer: null,
  binding: null,
  cart_code: null,
  cart_distributor: null,
  chains: {
    dist_a: chain(["dist_a", "active"], ["dist_a2", "active"], ["dist_a3", "active"], ["dist_a4", "active"], ["dist_a5", "active"]),
    dist_b: chain(["dist_b", "active"], ["dist_b2", "active"]),
    dist_parent: chain(["dist_parent", "active"], ["dist_gp", "active"]),
    dist_buyer: chain(["dist_buyer", "active"], ["dist_parent", "active"], ["dist_gp", "active"]),
  },
}
const bindingTo = (id: string, bound: number, expires: number | null = null): AttributionInputs["binding"] => ({
  distributor_id: id,
  code: `CODE_${id.toUpperCase()}`,
  bound_at: at(bound),
  expires_at: expires === null ? null : at(expires),
})
const cart = (id: string | null, status = "active", customer = `cus_${id}`) => ({
  cart_code: " share_x ",
  cart_distributor: id ? { id, customer_id: customer, status } : null,
})
const buyer = (status: string, approvedDays: number | null, parent: string | null = "dist_parent") => ({
  buyer: { id: "dist_buyer", status, parent_id: parent, approved_at: approvedDays === null ? null : at(approvedDays) },
})
const who = (inputs: Partial<AttributionInputs>, s: Partial<Settings> = {}) => {
  const a = attributeOrder({ ...base, ...inputs }, settings(s))
  return a && { start: a.distributor_id, source: a.source, code: a.code, paid: a.terms.map((t) => `${t.level}:${t.distributor_id}@${t.rate}`) }
}

describe("attributeOrder (the rules, case by case)", () => {
  it("an active buyer-distributor stays in their own chain, whatever the cart carries: self-purchase on → buyer is level 1", () => {
    expect(who({ ...buyer("active", -1), ...cart("dist_b") }, { self_purchase: true })).toEqual({
      start: "dist_buyer",
      source: "self",
      code: null,
      paid: ["1:dist_buyer@0.1", "2:dist_parent@0.05", "3:dist_gp@0.02"],
    })
  })

  it("self-purchase off → the buyer's parent is level 1; no parent → nobody", () => {
    expect(who({ ...buyer("active", -1), ...cart("dist_b") })).toEqual({
      start: "dist_parent",
      source: "self",
      code: null,
      paid: ["1:dist_parent@0.1", "2:dist_gp@0.05"],
    })
    expect(who({ ...buyer("active", -1, null), ...cart("dist_b") })).toBeNull()
  })

  it("a buyer approved exactly when the order was placed counts as active; approved after, as a plain customer", () => {
    expect(who({ ...buyer("active", 0), ...cart("dist_b") })?.source).toBe("self")
    expect(who({ ...buyer("active", 1 / DAY), ...cart("dist_b") })).toMatchObject({ start: "dist_b", source: "cart_code" })
  })

  it("a pending or suspended buyer-distributor is a plain customer: binding, then cart code", () => {
    for (const status of ["pending", "suspended", "rejected"]) {
      expect(who({ ...buyer(status, -10), binding: bindingTo("dist_a", -5) })).toMatchObject({ start: "dist_a", source: "binding" })
      expect(who({ ...buyer(status, -10), ...cart("dist_b") })).toMatchObject({ start: "dist_b", source: "cart_code", code: "SHARE_X" })
    }
  })

  it("a binding counts if it existed and had not expired at placement (bound exactly then: yes; expiring exactly then: no)", () => {
    expect(who({ binding: bindingTo("dist_a", -3) })?.start).toBe("dist_a")
    expect(who({ binding: bindingTo("dist_a", 0) })?.start).toBe("dist_a")
    expect(who({ binding: bindingTo("dist_a", 1 / DAY) })).toBeNull()
    expect(who({ binding: bindingTo("dist_a", -30, 1 / DAY) })?.start).toBe("dist_a")
    expect(who({ binding: bindingTo("dist_a", -30, 0) })).toBeNull()
    expect(who({ binding: bindingTo("dist_a", -30, -1) })).toBeNull()
  })

  it("a live binding beats the cart's code under first and expiring; under override the cart's code wins", () => {
    const inputs = { binding: bindingTo("dist_a", -3, 10), ...cart("dist_b") }
    expect(who(inputs, { binding_policy: "first" })).toMatchObject({ start: "dist_a", source: "binding", code: "CODE_DIST_A" })
    expect(who(inputs, { binding_policy: "expiring" })).toMatchObject({ start: "dist_a", source: "binding" })
    expect(who(inputs, { binding_policy: "override" })).toMatchObject({ start: "dist_b", source: "cart_code", code: "SHARE_X" })
  })

  it("an expired or later binding gives way to the cart's code under every policy", () => {
    for (const binding_policy of ["first", "override", "expiring"] as const) {
      expect(who({ binding: bindingTo("dist_a", -30, -1), ...cart("dist_b") }, { binding_policy })?.start).toBe("dist_b")
      expect(who({ binding: bindingTo("dist_a", 2), ...cart("dist_b") }, { binding_policy })?.start).toBe("dist_b")
    }
  })

  it("the cart's code: the buyer's own never attributes, nor an inactive or unknown one (the binding stays, even under override)", () => {
    const own = cart("dist_buyer", "active", "cus_buyer")
    expect(who({ ...own })).toBeNull()
    expect(who({ ...own, binding: bindingTo("dist_a", -3) }, { binding_policy: "override" })?.start).toBe("dist_a")
    for (const status of ["pending", "suspended", "rejected"]) {
      expect(who({ ...cart("dist_b", status) })).toBeNull()
      expect(who({ ...cart("dist_b", status), binding: bindingTo("dist_a", -3) }, { binding_policy: "override" })?.start).toBe("dist_a")
    }
    expect(who({ ...cart(null) })).toBeNull()
    expect(who({ ...cart(null), binding: bindingTo("dist_a", -3) }, { binding_policy: "override" })?.start).toBe("dist_a")
  })

  it("inactive chain members are skipped, not compressed: their level is simply not paid", () => {
    const chains = {
      ...base.chains,
      dist_a: chain(["dist_a", "suspended"], ["dist_a2", "pending"], ["dist_a3", "active"], ["dist_a4", "active"]),
    }
    expect(who({ chains, binding: bindingTo("dist_a", -3) })?.paid).toEqual(["3:dist_a3@0.02"])
  })

  it("max_levels 1..3 pays that many levels of a 5-deep chain, and a stored 4 or 9 still pays 3", () => {
    const paid = (max_levels: number) => who({ binding: bindingTo("dist_a", -3) }, { max_levels, level_rates: [0.1, 0.05, 0.02] })?.paid
    expect(paid(1)).toEqual(["1:dist_a@0.1"])
    expect(paid(2)).toEqual(["1:dist_a@0.1", "2:dist_a2@0.05"])
    expect(paid(3)).toEqual(["1:dist_a@0.1", "2:dist_a2@0.05", "3:dist_a3@0.02"])
    expect(paid(4)).toEqual(paid(3))
    expect(paid(9)).toEqual(paid(3))
  })

  it("a level without a rate is paid at 0 (the level is still recorded)", () => {
    expect(who({ binding: bindingTo("dist_a", -3) }, { level_rates: [0.1] })?.paid).toEqual(["1:dist_a@0.1", "2:dist_a2@0", "3:dist_a3@0"])
  })

  it("disabled: nobody; no customer: the cart's code still attributes", () => {
    expect(who({ binding: bindingTo("dist_a", -3) }, { enabled: false })).toBeNull()
    expect(who({ ...buyer("active", -1) }, { enabled: false, self_purchase: true })).toBeNull()
    expect(who({ customer_id: null, ...cart("dist_b") })?.source).toBe("cart_code")
  })

  it("candidates: the buyer's own chain start for an active buyer, else the binding's and the cart's distributors", () => {
    const { chains: _chains, ...rest } = base
    void _chains
    expect(attributionCandidates({ ...rest, ...buyer("active", -1) }, { self_purchase: true })).toEqual(["dist_buyer"])
    expect(attributionCandidates({ ...rest, ...buyer("active", -1) }, { self_purchase: false })).toEqual(["dist_parent"])
    expect(attributionCandidates({ ...rest, ...buyer("active", -1, null) }, { self_purchase: false })).toEqual([])
    expect(attributionCandidates({ ...rest, binding: bindingTo("dist_a", -3), ...cart("dist_b") }, { self_purchase: false })).toEqual([
      "dist_a",
      "dist_b",
    ])
  })
})
