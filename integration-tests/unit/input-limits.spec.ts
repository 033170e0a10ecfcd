import fc from "fast-check"
import { z } from "@medusajs/framework/zod"
import { safeText, whyJsonRefused, whyTextRefused } from "../../src/modules/distribution/input-limits"
import { DEFAULT_SETTINGS, settingsProblems } from "../../src/modules/distribution/settings"
import { parseWithdrawalAccount } from "../../src/modules/distribution/withdrawal-accounts"
import { findParams } from "../../src/api/common/validators"

describe("input limits", () => {
  it("refuses NUL and lone surrogates anywhere in a string, and nothing else", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), fc.string({ unit: "grapheme" }), (a, b) => {
        expect(whyTextRefused(a + b)).toBeNull()
        expect(whyTextRefused(`${a}\u0000${b}`)).toBe("must not contain NUL characters (\\u0000)")
        expect(whyTextRefused(`${a}\uD800${b}`)).toBe("is not valid Unicode text (a lone surrogate)")
        expect(whyTextRefused(`${a}\uDC00${b}`)).toBe("is not valid Unicode text (a lone surrogate)")
      })
    )
  })

  it("names the field of a refused text, however deep", () => {
    const schema = z.object({ a: z.array(z.object({ b: safeText({ max: 5 }) })) })
    expect(schema.safeParse({ a: [{ b: "ok" }, { b: "n\u0000" }] }).error?.issues.map((i) => i.message)).toEqual(["a.1.b must not contain NUL characters (\\u0000)"])
    expect(schema.safeParse({ a: [{ b: "  ok  " }] }).data).toEqual({ a: [{ b: "ok" }] })
  })

  it("walks free JSON: keys, strings, size and depth", () => {
    expect(whyJsonRefused({ a: [1, { b: "x" }] }, "metadata")).toBeNull()
    expect(whyJsonRefused({ a: [1, { "b\u0000": 1 }] }, "metadata")).toBe("metadata.a.1: a key must not contain NUL characters (\\u0000)")
    expect(whyJsonRefused({ a: "x".repeat(20_000) }, "metadata")).toBe("metadata is over 16384 characters as JSON")
    let deep: unknown = 1
    for (let i = 0; i < 10; i++) deep = { d: deep }
    expect(whyJsonRefused(deep, "metadata")).toBe("metadata.d.d.d.d.d.d.d.d.d nests deeper than 8 levels")
  })

  it("pages: limit 1–100 and offset 0–10,000,000, whole numbers, from a query string or a number", () => {
    const params = findParams()
    expect(params.parse({})).toMatchObject({ limit: 20, offset: 0 })
    expect(params.parse({ limit: "100", offset: "7" })).toMatchObject({ limit: 100, offset: 7 })
    for (const bad of [{ limit: "-1" }, { limit: "0" }, { limit: "101" }, { limit: "1.5" }, { limit: "10abc" }, { limit: ["1", "2"] }, { offset: "-1" }, { offset: "1e3" }, { offset: "10000001" }]) {
      expect({ bad, ok: params.safeParse(bad).success }).toEqual({ bad, ok: false })
    }
  })

  it("settings as a whole: withdrawal limits in order, paid rates within the cap", () => {
    expect(settingsProblems(DEFAULT_SETTINGS)).toEqual([])
    expect(settingsProblems({ ...DEFAULT_SETTINGS, withdrawal_min: 10, withdrawal_max: 5, withdrawal_daily_max: 9 }).map((p) => p.field)).toEqual([
      "withdrawal_max",
      "withdrawal_daily_max",
    ])
    // Rates beyond max_levels are not paid, so they do not count against the cap.
    expect(settingsProblems({ ...DEFAULT_SETTINGS, max_levels: 1, level_rates: [0.3, 0.3] })).toEqual([])
    expect(settingsProblems({ ...DEFAULT_SETTINGS, max_levels: 2, level_rates: [0.3, 0.01] })).toEqual([
      { field: "level_rates", message: "level_rates pay 0.31 over the 2 paid level(s), above max_total_rate 0.3: lower the rates or raise the cap" },
    ])
  })

  it("withdrawal accounts: every field of the method, non-blank, nothing else", () => {
    expect(parseWithdrawalAccount("wechat", { account: " wx_fang1 ", name: " 王芳 " })).toEqual({ account: { account: "wx_fang1", name: "王芳" }, problems: null })
    expect(parseWithdrawalAccount("wechat", { account: "wx_1", name: "王芳" }).problems?.map((p) => p.message)).toEqual(["account.account must be a WeChat ID or phone number"])
    expect(parseWithdrawalAccount("store_credit", {})).toEqual({ account: {}, problems: null })
    expect(parseWithdrawalAccount("paypal", { email: "\t" }).problems?.map((p) => p.message)).toEqual(["account.email must not be blank (paypal takes email)"])
    expect(parseWithdrawalAccount("alipay", "a@b.cn").problems).toEqual([{ path: "account", message: "account must be an object: alipay takes account, name" }])
  })
})
