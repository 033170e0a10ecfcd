/** Date ranges and months of the wallet's routes: `from` inclusive, `to` exclusive, a bare `to` date through its day, UTC. */
import { dateRange, monthOf } from "../../src/api/wallet"

describe("wallet date ranges", () => {
  it("reads a bare `to` date as through that day, and a date-time as given", () => {
    expect(dateRange({ from: "2026-11-01", to: "2026-11-30" })).toEqual({
      from: new Date("2026-11-01T00:00:00Z"),
      to: new Date("2026-12-01T00:00:00Z"),
    })
    expect(dateRange({ to: "2026-11-30T12:00:00Z" })).toEqual({ from: null, to: new Date("2026-11-30T12:00:00Z") })
    expect(dateRange({})).toEqual({ from: null, to: null })
  })

  it("turns YYYY-MM into [first day, first day of the next month), across a year's end", () => {
    expect(monthOf({ month: "2026-12" })).toEqual({
      month: "2026-12",
      start: new Date("2026-12-01T00:00:00Z"),
      end: new Date("2027-01-01T00:00:00Z"),
    })
    expect(monthOf({ month: "2024-02" }).end).toEqual(new Date("2024-03-01T00:00:00Z"))
    const now = new Date()
    expect(monthOf({}).start).toEqual(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)))
  })
})
