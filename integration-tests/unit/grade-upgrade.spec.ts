/**
 * Automatic grade upgrades (issue "Commission rules" item 1): the highest grade above the
 * current one whose conditions are met; any-of or all-of; never down; a grade without
 * conditions is only ever set by hand. Checked against a plain reference over random grades.
 */
import fc from "fast-check"
import { gradeEarned, meetsConditions, GradeCandidate, GradeMetrics } from "../../src/modules/distribution/calculations"

const metrics = (m: Partial<GradeMetrics> = {}): GradeMetrics => ({ own_sales: "0", team_sales: "0", direct_buyers: 0, team_size: 0, ...m })

describe("meetsConditions", () => {
  it("any-of needs one condition, all-of needs every condition given; thresholds are inclusive", () => {
    const c = { own_sales: 100, direct_buyers: 2 }
    expect(meetsConditions({ ...c, match: "any" }, metrics({ own_sales: "100" }))).toBe(true)
    expect(meetsConditions({ ...c, match: "all" }, metrics({ own_sales: "100" }))).toBe(false)
    expect(meetsConditions({ ...c, match: "all" }, metrics({ own_sales: "100.00", direct_buyers: 2 }))).toBe(true)
    expect(meetsConditions({ ...c, match: "all" }, metrics({ own_sales: "99.99", direct_buyers: 9 }))).toBe(false)
  })

  it("a grade with no condition is never reached automatically", () => {
    expect(meetsConditions(null, metrics({ own_sales: "1000000" }))).toBe(false)
    expect(meetsConditions({ match: "any" }, metrics({ own_sales: "1000000" }))).toBe(false)
  })
})

describe("gradeEarned", () => {
  const arbGrade = (i: number) =>
    fc.record({
      rank: fc.integer({ min: 0, max: 20 }),
      own: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: undefined }),
      team: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
      match: fc.constantFrom("any" as const, "all" as const),
    }).map((g): GradeCandidate => ({
      id: `g${i}`,
      rank: g.rank,
      conditions: g.own === undefined && g.team === undefined ? null : { own_sales: g.own, team_size: g.team, match: g.match },
    }))

  it("is the highest-ranked grade above the current rank whose conditions hold, or null (never a downgrade)", () => {
    fc.assert(
      fc.property(
        fc.tuple(arbGrade(1), arbGrade(2), arbGrade(3), arbGrade(4)),
        fc.integer({ min: 0, max: 1200 }),
        fc.integer({ min: 0, max: 6 }),
        fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
        (grades, own, team, current) => {
          const m = metrics({ own_sales: String(own), team_size: team })
          const reference = grades
            .filter((g) => (current === null || g.rank > current) && g.conditions)
            .filter((g) => {
              const checks = [
                g.conditions!.own_sales !== undefined ? own >= Number(g.conditions!.own_sales) : null,
                g.conditions!.team_size !== undefined ? team >= g.conditions!.team_size! : null,
              ].filter((x): x is boolean => x !== null)
              return checks.length > 0 && (g.conditions!.match === "all" ? checks.every(Boolean) : checks.some(Boolean))
            })
            .map((g) => g.rank)
          const earned = gradeEarned(grades, m, current)
          if (!reference.length) return earned === null
          return earned !== null && earned.rank === Math.max(...reference) && (current === null || earned.rank > current)
        }
      ),
      { numRuns: 2000 }
    )
  })
})
