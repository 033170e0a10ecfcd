/**
 * Binding decisions (DESIGN §2 "Binding"): `first` keeps the first binding for good,
 * `override` lets the newest code win, `expiring` lets a new code take over once
 * `binding_days` have passed. A binding is expired from the instant `expires_at` is reached,
 * for binding as for attribution (`bindingLiveAt`).
 */
import fc from "fast-check"
import { bindingLiveAt, decideBinding } from "../../src/modules/distribution/binding-policy"
import { check, show } from "./support/exact"

const NOW = new Date("2025-03-01T12:00:00Z")
const DAY = 24 * 60 * 60 * 1000
const ms = (t: number) => new Date(NOW.getTime() + t)
const settings = (binding_policy: "first" | "override" | "expiring", binding_days = 30) => ({ binding_policy, binding_days })

describe("decideBinding", () => {
  it("no binding yet: binds under every policy, with an expiry only under expiring (now + binding_days)", () => {
    expect(decideBinding(null, "d1", settings("first"), NOW)).toEqual({ action: "bind", expires_at: null })
    expect(decideBinding(null, "d1", settings("override"), NOW)).toEqual({ action: "bind", expires_at: null })
    expect(decideBinding(null, "d1", settings("expiring", 30), NOW)).toEqual({ action: "bind", expires_at: ms(30 * DAY) })
    expect(decideBinding(null, "d1", settings("expiring", 1), NOW)).toEqual({ action: "bind", expires_at: ms(DAY) })
  })

  it("first: the first binding is permanent, for another distributor's code too", () => {
    expect(decideBinding({ distributor_id: "d1", expires_at: null }, "d2", settings("first"), NOW)).toEqual({
      action: "refuse",
      reason: "You are already bound to another distributor",
    })
    expect(decideBinding({ distributor_id: "d1", expires_at: null }, "d1", settings("first"), NOW)).toEqual({ action: "keep" })
  })

  it("first: a binding that expired (made under an earlier expiring policy) binds nobody, so another code takes over", () => {
    // Attribution no longer honours it (bindingLiveAt is false): refusing would leave the
    // customer bound to nobody for good.
    const expired = { distributor_id: "d1", expires_at: ms(-DAY) }
    expect(bindingLiveAt({ bound_at: ms(-40 * DAY), expires_at: expired.expires_at }, NOW)).toBe(false)
    expect(decideBinding(expired, "d2", settings("first"), NOW)).toEqual({ action: "bind", expires_at: null })
    // Until it expires, it holds, and the refusal says until when.
    expect(decideBinding({ ...expired, expires_at: ms(1) }, "d2", settings("first"), NOW)).toEqual({
      action: "refuse",
      reason: `You are bound to another distributor until ${ms(1).toISOString()}`,
    })
  })

  it("override: the newest code wins; the same distributor's code keeps the binding", () => {
    expect(decideBinding({ distributor_id: "d1", expires_at: null }, "d2", settings("override"), NOW)).toEqual({ action: "bind", expires_at: null })
    expect(decideBinding({ distributor_id: "d1", expires_at: null }, "d1", settings("override"), NOW)).toEqual({ action: "keep" })
  })

  it("expiring: a binding made under first (no expiry) still holds, and the refusal names no date", () => {
    expect(decideBinding({ distributor_id: "d1", expires_at: null }, "d2", settings("expiring"), NOW)).toEqual({
      action: "refuse",
      reason: "You are already bound to another distributor",
    })
  })

  it("expiring: another code is refused until the instant of expiry, and takes over from that instant", () => {
    const bound = (expires: number) => ({ distributor_id: "d1", expires_at: ms(expires) })
    expect(decideBinding(bound(1), "d2", settings("expiring"), NOW)).toEqual({
      action: "refuse",
      reason: `You are bound to another distributor until ${ms(1).toISOString()}`,
    })
    expect(decideBinding(bound(0), "d2", settings("expiring", 7), NOW)).toEqual({ action: "bind", expires_at: ms(7 * DAY) })
    expect(decideBinding(bound(-1), "d2", settings("expiring", 7), NOW)).toEqual({ action: "bind", expires_at: ms(7 * DAY) })
  })

  it("renewal: the same distributor's code keeps a live binding (no extension) and renews an expired one", () => {
    const bound = (expires: number) => ({ distributor_id: "d1", expires_at: ms(expires).toISOString() })
    expect(decideBinding(bound(1), "d1", settings("expiring", 7), NOW)).toEqual({ action: "keep" })
    expect(decideBinding(bound(0), "d1", settings("expiring", 7), NOW)).toEqual({ action: "bind", expires_at: ms(7 * DAY) })
    expect(decideBinding(bound(-DAY), "d1", settings("expiring", 7), NOW)).toEqual({ action: "bind", expires_at: ms(7 * DAY) })
    // An expiry left over from an earlier expiring policy: the same code renews it, without one.
    expect(decideBinding(bound(-DAY), "d1", settings("first"), NOW)).toEqual({ action: "bind", expires_at: null })
    expect(decideBinding(bound(-DAY), "d1", settings("override"), NOW)).toEqual({ action: "bind", expires_at: null })
  })

  it("every policy × current binding × code × instant, against the rules", () => {
    const arb = fc.record({
      policy: fc.constantFrom("first" as const, "override" as const, "expiring" as const),
      days: fc.integer({ min: 1, max: 400 }),
      current: fc.option(
        fc.record({
          distributor_id: fc.constantFrom("d1", "d2"),
          // around now, the instant itself favoured
          expires: fc.option(fc.oneof(fc.constant(0), fc.constantFrom(-1, 1), fc.integer({ min: -40 * DAY, max: 40 * DAY })), { nil: null }),
          asString: fc.boolean(),
        }),
        { nil: null }
      ),
    })
    fc.assert(
      fc.property(arb, ({ policy, days, current }) => {
        const cur = current && {
          distributor_id: current.distributor_id,
          expires_at: current.expires === null ? null : current.asString ? ms(current.expires).toISOString() : ms(current.expires),
        }
        const got = decideBinding(cur, "d1", settings(policy, days), NOW)
        const fresh = policy === "expiring" ? ms(days * DAY) : null
        const expired = !!current && current.expires !== null && current.expires <= 0
        let want: string
        if (!current) want = "bind"
        else if (current.distributor_id === "d1") want = expired ? "bind" : "keep"
        // An expired binding binds nobody, whatever the policy is now (attribution ignores it too).
        else if (policy === "override" || expired) want = "bind"
        else want = "refuse"
        check(got.action === want, () => `${policy} ${show(cur)}: ${show(got)}, expected ${want}`)
        if (got.action === "bind") check(show(got.expires_at) === show(fresh), () => `${policy}: expires ${show(got.expires_at)}, expected ${show(fresh)}`)
        // What the decision keeps, or refuses a new code for, is a binding attribution honours now.
        if (current && got.action !== "bind") check(bindingLiveAt({ bound_at: ms(-DAY), expires_at: cur!.expires_at }, NOW), () => "kept a dead binding")
      }),
      { numRuns: 2000 }
    )
  })
})

describe("bindingLiveAt", () => {
  const binding = (bound: number, expires: number | null) => ({ bound_at: ms(bound), expires_at: expires === null ? null : ms(expires) })

  it("live from the instant it is made until just before it expires", () => {
    expect(bindingLiveAt(binding(0, null), NOW)).toBe(true)
    expect(bindingLiveAt(binding(1, null), NOW)).toBe(false)
    expect(bindingLiveAt(binding(-DAY, 1), NOW)).toBe(true)
    expect(bindingLiveAt(binding(-DAY, 0), NOW)).toBe(false)
    expect(bindingLiveAt(binding(-DAY, -1), NOW)).toBe(false)
    expect(bindingLiveAt(null, NOW)).toBe(false)
  })

  it("accepts stored ISO strings the same as dates", () => {
    expect(bindingLiveAt({ bound_at: ms(-DAY).toISOString(), expires_at: ms(1).toISOString() }, NOW)).toBe(true)
    expect(bindingLiveAt({ bound_at: ms(-DAY).toISOString(), expires_at: NOW.toISOString() }, NOW)).toBe(false)
  })
})
