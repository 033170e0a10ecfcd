/**
 * Commission rounds to the unit the store charges in: Medusa's own `decimal_digits`, for
 * every currency Medusa knows (DESIGN §2 "Money": "round once per commission to the
 * currency's precision, half-up").
 */
import { defaultCurrencies } from "@medusajs/framework/utils"
import { currencyPrecision, splitCommissions } from "../../src/modules/distribution/calculations"
import { check, fmtDec, fromMinor, halfUpMinor, mul, parseDec, q } from "./support/exact"

const CURRENCIES = Object.values(defaultCurrencies)

const commission = (currency_code: string, bases: string[], rate = "0.1") =>
  splitCommissions({
    currency_code,
    lines: bases.map((base, i) => ({ line_item_id: `item_${i}`, product_id: null, quantity: 1, base })),
    levels: [{ level: 1, distributor_id: "d1", rate, source: "level_rate" }],
    max_total_rate: "1",
  })[0]

describe("currencyPrecision", () => {
  it("knows all 126 of Medusa's currencies", () => {
    expect(CURRENCIES).toHaveLength(126)
  })

  it.each(CURRENCIES.map((c) => [c.code, c.decimal_digits] as const))("%s: %i decimals, as Medusa says", (code, digits) => {
    expect(currencyPrecision(code.toLowerCase())).toBe(digits)
    expect(currencyPrecision(code)).toBe(digits)
  })

  it("agrees with what the issue found wrong before (IDR, HUF, COP, PKR, IQD have no minor unit in Medusa)", () => {
    expect(["idr", "huf", "cop", "pkr", "iqd", "jpy", "krw"].map(currencyPrecision)).toEqual([0, 0, 0, 0, 0, 0, 0])
    expect(["kwd", "bhd", "jod", "omr", "tnd", "lyd"].map(currencyPrecision)).toEqual([3, 3, 3, 3, 3, 3])
    expect(["usd", "eur", "cny", "gbp"].map(currencyPrecision)).toEqual([2, 2, 2, 2])
  })

  it("a code Medusa does not know falls back to ISO 4217's default of 2", () => {
    expect(currencyPrecision("xyz")).toBe(2)
  })
})

describe("commission in every currency rounds to that currency's unit", () => {
  it("0 decimals: three lines of IDR 5 at 10 % → 2, rounded once; 1.5 → 2, 1.4999 → 1", () => {
    const c = commission("idr", ["5", "5", "5"])
    expect(c.amount).toBe("2")
    expect(c.lines.map((l) => l.amount)).toEqual(["1", "1", "0"])
    expect(commission("huf", ["15"]).amount).toBe("2")
    expect(commission("huf", ["14.999"]).amount).toBe("1")
    expect(commission("cop", ["1234.5"]).lines[0].base).toBe("1235")
  })

  it("3 decimals: KWD 0.125 × 3 % = 0.00375 → 0.004; BHD three lines of 0.005 at 10 % → 0.002", () => {
    expect(commission("kwd", ["0.125"], "0.03").amount).toBe("0.004")
    const c = commission("bhd", ["0.005", "0.005", "0.005"])
    expect(c.amount).toBe("0.002")
    expect(c.lines.map((l) => l.amount)).toEqual(["0.001", "0.001", "0"])
  })

  it("for every currency Medusa knows, the amount is the exact commission rounded half-up to its unit", () => {
    const bases = ["0.005", "1.5", "123.4565", "0.333", "99999.995"]
    for (const { code, decimal_digits: p } of CURRENCIES) {
      for (const base of bases) {
        for (const rate of ["0.1", "0.03", "1"]) {
          const got = commission(code.toLowerCase(), [base], rate).amount
          const want = fmtDec(fromMinor(halfUpMinor(mul(parseDec(base), parseDec(rate)), p), p))
          check(parseDec(got).n * parseDec(want).d === parseDec(want).n * parseDec(got).d, () => `${code} ${base} × ${rate}: ${got}, expected ${want}`)
          check(mul(parseDec(got), q(BigInt(10) ** BigInt(p))).d === BigInt(1), () => `${code}: ${got} is not in whole units of 10^-${p}`)
        }
      }
    }
  })
})
