import { fAdd, fDiv, frac, fSub, fSum } from "../../src/modules/distribution/calculations/fraction"
import { calculateKeptBase } from "../../src/modules/distribution/calculations/kept-base"

const value = (x: { n: { div: (d: unknown) => { toString: () => string } }; d: unknown }) => x.n.div(x.d).toString()

describe("exact fractions", () => {
  it("keep their terms small over long sums: 200 thirds of a price sum to 200 prices over 3, not over 3^200", () => {
    const third = frac("19.99", 3)
    const sum = fSum(Array.from({ length: 200 }, () => third))
    expect([sum.n.toString(), sum.d.toString()]).toEqual(["3998", "3"])
    // Mixed denominators are reduced once they grow.
    const mixed = fSum(Array.from({ length: 60 }, (_, i) => frac(1, (i % 7) + 2)))
    expect(mixed.d.toString().length).toBeLessThanOrEqual(31)
    expect(fSub(mixed, mixed).n.toString()).toBe("0")
  })

  it("keep exact values: sign on the numerator, lowest terms once reduced", () => {
    expect(value(fAdd(frac("0.1"), frac("0.2")))).toBe("0.3")
    const negative = fDiv(frac(1), frac(-4))
    expect([negative.n.toString(), negative.d.toString()]).toEqual(["-1", "4"])
  })

  it("a 200-line order's kept bases stay in small terms after a partial refund", () => {
    const lines = Array.from({ length: 200 }, (_, i) => ({
      line_item_id: `ordli_${i}`,
      product_id: `prod_${i}`,
      quantity: 3,
      returned_quantity: 0,
      net: (59.97 - (i % 4)).toFixed(2),
      gross: ((59.97 - (i % 4)) * 1.13).toFixed(4),
    }))
    const kept = calculateKeptBase({ currency_code: "usd", lines, refunded_total: "100", canceled: false })
    for (const line of kept) expect(line.base_fraction![1].length).toBeLessThanOrEqual(31)
  })
})
