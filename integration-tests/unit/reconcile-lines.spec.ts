/**
 * `reconcileLines(frozen, current)`: the values each line was paid when first seen, merged
 * with the lines as Medusa lists them now (returns and edits change units, never the paid
 * value), against a reference merge written here:
 *
 * - every line frozen or listed now comes out once, sorted by id;
 * - a frozen line keeps its frozen product, paid quantity and paid values, whatever the
 *   order says now; its units are those listed now (0 when no longer listed), its returned
 *   units those listed now, never more than its units;
 * - a line listed now and never frozen, with units, is new: frozen at its values now, for
 *   its quantity now; a line listed without units is not frozen (it shows no paid value).
 */
import fc from "fast-check"
import { CurrentLine, FrozenLines, reconcileLines } from "../../src/modules/distribution/calculations"
import { check, show } from "./support/exact"

type Merged = {
  line_item_id: string
  product_id: string | null
  paid_quantity: number
  quantity: number
  returned_quantity: number
  net: string
  gross: string
}

function reference(frozen: FrozenLines, current: CurrentLine[]): { lines: Merged[]; new_lines: FrozenLines } {
  const new_lines: FrozenLines = {}
  for (const c of current) {
    if (!(c.line_item_id in frozen) && c.quantity > 0) {
      new_lines[c.line_item_id] = { product_id: c.product_id, quantity: c.quantity, net: c.net, gross: c.gross }
    }
  }
  const ids = [...new Set([...Object.keys(frozen), ...Object.keys(new_lines)])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  const lines = ids.map((id): Merged => {
    const paid = frozen[id] ?? new_lines[id]
    const now = current.find((c) => c.line_item_id === id)
    const quantity = now ? now.quantity : 0
    return {
      line_item_id: id,
      product_id: paid.product_id,
      paid_quantity: paid.quantity,
      quantity,
      returned_quantity: now ? Math.min(now.returned_quantity, quantity) : 0,
      net: paid.net,
      gross: paid.gross,
    }
  })
  return { lines, new_lines }
}

// ---------------------------------------------------------------------------------------
// Random frozen lines and current lines over a shared pool of ids
// ---------------------------------------------------------------------------------------

const ID_POOL = ["a", "b", "B", "item_10", "item_9", "item_1", "z", "ordli_01", "ordli_1"]
const decimalArb = fc.integer({ min: 0, max: 100_000 }).map((n) => (n / 100).toString())
const frozenArb: fc.Arbitrary<FrozenLines> = fc
  .uniqueArray(fc.constantFrom(...ID_POOL), { maxLength: 6 })
  .chain((ids) =>
    fc.tuple(
      ...ids.map((id) =>
        fc
          .record({
            product_id: fc.option(fc.constantFrom("p1", "p2"), { nil: null }),
            quantity: fc.integer({ min: 1, max: 5 }),
            net: decimalArb,
            gross: decimalArb,
          })
          .map((v) => [id, v] as const)
      )
    )
  )
  .map((entries) => Object.fromEntries(entries))
const currentArb: fc.Arbitrary<CurrentLine[]> = fc
  .uniqueArray(fc.constantFrom(...ID_POOL), { maxLength: 7 })
  .chain((ids) =>
    fc.tuple(
      ...ids.map((line_item_id) =>
        fc.record({
          line_item_id: fc.constant(line_item_id),
          product_id: fc.option(fc.constantFrom("p1", "p3"), { nil: null }),
          quantity: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 7 })),
          // may exceed the units listed (a return received before an edit took units away)
          returned_quantity: fc.integer({ min: 0, max: 8 }),
          net: decimalArb,
          gross: decimalArb,
        })
      )
    )
  )

const RUNS = 2000

/** Key order of an object is not part of the merge (it is stored as JSON). */
const canonical = (r: { lines: unknown[]; new_lines: FrozenLines }) =>
  show({ lines: r.lines, new_lines: Object.fromEntries(Object.entries(r.new_lines).sort(([x], [y]) => (x < y ? -1 : 1))) })

describe("reconcileLines (property-based, against a reference merge)", () => {
  it("equals the reference merge: frozen values kept, units as now, new lines frozen as now", () => {
    fc.assert(
      fc.property(frozenArb, currentArb, (frozen, current) => {
        const got = reconcileLines(frozen, current)
        const want = reference(frozen, current)
        if (canonical(got) !== canonical(want)) expect({ got, frozen, current }).toEqual({ got: want, frozen, current })
      }),
      { numRuns: RUNS }
    )
  })

  it("every line comes out once, sorted by id; no line without a paid value", () => {
    fc.assert(
      fc.property(frozenArb, currentArb, (frozen, current) => {
        const { lines } = reconcileLines(frozen, current)
        const ids = lines.map((l) => l.line_item_id)
        check(show(ids) === show([...new Set(ids)].sort()), () => `ids ${show(ids)}`)
        for (const id of Object.keys(frozen)) check(ids.includes(id), () => `frozen line ${id} dropped`)
        for (const c of current) if (c.quantity > 0) check(ids.includes(c.line_item_id), () => `line ${c.line_item_id} with units dropped`)
        for (const l of lines) {
          check(l.returned_quantity <= l.quantity && l.returned_quantity >= 0, () => `returned ${show(l)}`)
          check((l.paid_quantity ?? 0) > 0, () => `a line frozen without units: ${show(l)}`)
        }
      }),
      { numRuns: RUNS }
    )
  })

  it("does not depend on the order Medusa lists the lines in, and mutates nothing", () => {
    fc.assert(
      fc.property(
        frozenArb,
        currentArb.chain((c) => fc.tuple(fc.constant(c), fc.shuffledSubarray(c, { minLength: c.length, maxLength: c.length }))),
        (frozen, [current, shuffled]) => {
          const before = show({ frozen, current })
          const a = canonical(reconcileLines(frozen, current))
          const b = canonical(reconcileLines(frozen, shuffled))
          check(b === a, () => `the order of the lines changed the merge: ${a} / ${b}`)
          check(show({ frozen, current }) === before, () => "the inputs were mutated")
        }
      ),
      { numRuns: RUNS }
    )
  })

  it("is idempotent: once the new lines are stored, nothing is new and the lines are the same", () => {
    fc.assert(
      fc.property(frozenArb, currentArb, (frozen, current) => {
        const first = reconcileLines(frozen, current)
        const second = reconcileLines({ ...frozen, ...first.new_lines }, current)
        check(Object.keys(second.new_lines).length === 0, () => `new twice: ${show(second.new_lines)}`)
        check(show(second.lines) === show(first.lines), () => "storing the new lines changed the merge")
      }),
      { numRuns: RUNS }
    )
  })
})

describe("reconcileLines (examples)", () => {
  const line = (id: string, quantity: number, returned: number, net: string): CurrentLine => ({
    line_item_id: id,
    product_id: `p_${id}`,
    quantity,
    returned_quantity: returned,
    net,
    gross: net,
  })
  const frozen: FrozenLines = {
    a: { product_id: "p_a", quantity: 3, net: "30", gross: "33" },
    b: { product_id: "p_b", quantity: 1, net: "50", gross: "50" },
  }

  it("units an edit removed stay on the line as paid units: 3 paid, 1 left", () => {
    const { lines, new_lines } = reconcileLines(frozen, [line("a", 1, 0, "10"), line("b", 1, 0, "50")])
    expect(lines[0]).toEqual({ line_item_id: "a", product_id: "p_a", paid_quantity: 3, quantity: 1, returned_quantity: 0, net: "30", gross: "33" })
    expect(new_lines).toEqual({})
  })

  it("a line the order no longer lists stays, at 0 units", () => {
    const { lines } = reconcileLines(frozen, [line("a", 3, 1, "20")])
    expect(lines.map((l) => [l.line_item_id, l.paid_quantity, l.quantity, l.returned_quantity, l.net])).toEqual([
      ["a", 3, 3, 1, "30"],
      ["b", 1, 0, 0, "50"],
    ])
  })

  it("a line added later is frozen at its value now, for its units now", () => {
    const { lines, new_lines } = reconcileLines(frozen, [line("c", 2, 0, "24"), line("a", 3, 0, "30")])
    expect(new_lines).toEqual({ c: { product_id: "p_c", quantity: 2, net: "24", gross: "24" } })
    expect(lines.map((l) => l.line_item_id)).toEqual(["a", "b", "c"])
  })

  it("a line listed without units is not frozen: units an edit gives it later are paid at their value then", () => {
    const first = reconcileLines(frozen, [line("a", 3, 0, "30"), line("c", 0, 0, "0")])
    expect(first.new_lines).toEqual({})
    expect(first.lines.map((l) => l.line_item_id)).toEqual(["a", "b"])
    const later = reconcileLines({ ...frozen, ...first.new_lines }, [line("a", 3, 0, "30"), line("c", 1, 0, "12")])
    expect(later.new_lines).toEqual({ c: { product_id: "p_c", quantity: 1, net: "12", gross: "12" } })
  })

  it("returned units never exceed the units listed", () => {
    const { lines } = reconcileLines(frozen, [line("a", 1, 2, "10")])
    expect(lines[0]).toMatchObject({ quantity: 1, returned_quantity: 1 })
  })
})
