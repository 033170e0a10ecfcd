import { repurchaseDue } from "../../src/modules/distribution/calculations"

const DAY = 24 * 60 * 60 * 1000
const at = (days: number) => new Date(Date.UTC(2026, 0, 1) + days * DAY)
const orders = (...days: number[]) => days.map((d, i) => ({ id: `order_${i + 1}`, created_at: at(d) }))

describe("repurchase due", () => {
  it("needs two orders: one order is no habit", () => {
    expect(repurchaseDue([], at(100))).toBeNull()
    expect(repurchaseDue(orders(0), at(100))).toBeNull()
  })

  it("the usual interval is the median gap, due one interval after the last order, for one interval", () => {
    const history = orders(0, 10, 30, 40) // gaps 10, 20, 10 → 10 days
    expect(repurchaseDue(history, at(49.9))).toBeNull()
    expect(repurchaseDue(history, at(50))).toEqual({ last_order_id: "order_4", interval_days: 10, due_at: at(50) })
    expect(repurchaseDue(history, at(59.9))).toMatchObject({ last_order_id: "order_4" })
    expect(repurchaseDue(history, at(60))).toBeNull() // lapsed
  })

  it("follows the latest five gaps, rounds to whole days, at least one; order of input does not matter", () => {
    const old = orders(0, 100, 200, 210, 220, 230, 240, 250) // old gaps of 100 fall out
    expect(repurchaseDue(old, at(260))).toMatchObject({ interval_days: 10, last_order_id: "order_8" })
    expect(repurchaseDue(orders(0, 0.1, 0.2), at(1.2))).toMatchObject({ interval_days: 1, due_at: at(1.2) })
    expect(repurchaseDue(orders(0, 7, 21).reverse(), at(32))).toMatchObject({ interval_days: 11, last_order_id: "order_3" }) // median of 7 and 14 = 10.5 → 11
  })
})
