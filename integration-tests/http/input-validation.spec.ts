import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminUser, Headers, Seed, seedStore } from "../helpers/order-flow"
import { makeDistributor, setSettings } from "../helpers/distribution"
import { DISTRIBUTION_MODULE } from "../../src/modules/distribution"
import DistributionModuleService from "../../src/modules/distribution/service"

jest.setTimeout(180_000)

type Answer = { status: number; message?: string }

/** Status and Medusa error message of a request, whether it succeeded or not. */
async function answer(p: Promise<{ status: number; data: unknown }>): Promise<Answer> {
  try {
    return { status: (await p).status }
  } catch (e) {
    const res = (e as { response?: { status: number; data?: { message?: string } } }).response
    if (!res) throw e
    return { status: res.status, message: res.data?.message }
  }
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: Headers
    let seed: Seed

    beforeAll(async () => {
      admin = await createAdminUser(api, getContainer())
      seed = await seedStore(api, admin)
    })

    const service = () => getContainer().resolve<DistributionModuleService>(DISTRIBUTION_MODULE)

    it("refuses a NUL in a path code or id, a body and a search with a 400 naming it", async () => {
      const code = await answer(api.get("/store/distribution/codes/AB%00CD", seed.storeHeaders))
      expect(code).toEqual({ status: 400, message: 'The path segment "AB\\u0000CD" must not contain NUL characters (\\u0000)' })
      const id = await answer(api.get("/admin/distribution/distributors/dist_%00", admin))
      expect(id.status).toBe(400)
      const order = await answer(api.post("/admin/distribution/orders/order_%00/sync", {}, admin))
      expect(order.status).toBe(400)
      // Broken percent-encoding fails in Express before any plugin middleware; Medusa's handler alone would answer 500.
      const encoding = await answer(api.post("/admin/distribution/distributors/%ZZ/approve", {}, admin))
      expect(encoding).toEqual({ status: 400, message: "The URL is not valid percent-encoding: Failed to decode param '/distribution/distributors/%ZZ/approve'" })
      expect((await answer(api.get("/store/carts/%E0%A4%A/distribution", seed.storeHeaders))).status).toBe(400)
      // Medusa refuses a query key nested three levels with an `invalid_argument`, which its handler answers with 500.
      expect(await answer(api.get("/admin/distribution/commissions?a.b.c=1", admin))).toEqual({ status: 400, message: "Key accessor more than 2 levels deep: a.b.c" })
      const longId = await answer(api.get(`/admin/distribution/distributors/${"x".repeat(101)}`, admin))
      expect(longId).toEqual({ status: 400, message: expect.stringContaining("ids and codes have at most 100") })

      const d = await makeDistributor(api, admin, seed, "nul@test.local")
      const bind = await answer(api.post("/store/distribution/bind", { code: "AB\u0000" }, d.headers))
      expect(bind).toEqual({ status: 400, message: "Invalid request: code must not contain NUL characters (\\u0000)" })
      const rejected = await answer(api.post(`/admin/distribution/distributors/${d.distributor.id}/reject`, { reason: "no\u0000" }, admin))
      expect(rejected).toEqual({ status: 400, message: "Invalid request: reason must not contain NUL characters (\\u0000)" })
      const metadata = await answer(api.post(`/admin/distribution/distributors/${d.distributor.id}`, { metadata: { a: [{ b: "\u0000" }] } }, admin))
      expect(metadata).toEqual({ status: 400, message: "Invalid request: metadata.a.0.b must not contain NUL characters (\\u0000)" })
      const search = await answer(api.get("/admin/distribution/distributors?q=%00", admin))
      expect(search).toEqual({ status: 400, message: "Invalid request: q must not contain NUL characters (\\u0000)" })
      expect((await service().retrieveDistributor(d.distributor.id)).status).toBe("active")
    })

    it("searches for `%`, `_` and a trailing `\\` as text", async () => {
      const d = await makeDistributor(api, admin, seed, "percent_1@test.local")
      for (const q of ["\\", "%", "_1@", "t_1%"]) {
        const { data } = await api.get(`/admin/distribution/distributors?q=${encodeURIComponent(q)}`, admin)
        expect({ q, ids: data.distributors.map((x: { id: string }) => x.id) }).toEqual({ q, ids: q === "_1@" ? [d.distributor.id] : [] })
      }
    })

    it("bounds every list's page: limit 1–100, offset ≥ 0, whole numbers", async () => {
      const d = await makeDistributor(api, admin, seed, "pages@test.local")
      const lists = [
        ["/admin/distribution/distributors", admin],
        ["/admin/distribution/commissions", admin],
        ["/admin/distribution/withdrawals", admin],
        [`/admin/distribution/distributors/${d.distributor.id}/team`, admin],
        ["/admin/distribution/grades", admin],
        ["/store/distribution/me/team", d.headers],
        ["/store/distribution/me/commissions", d.headers],
        ["/store/distribution/me/withdrawals", d.headers],
        ["/store/distribution/me/share-links", d.headers],
        ["/store/distribution/me/links", d.headers],
      ] as const
      for (const [url, headers] of lists) {
        for (const query of ["limit=-1", "limit=0", "limit=100000", "limit=abc", "limit=1.5", "offset=-1", "offset=1e3", "offset=99999999999"]) {
          const got = await answer(api.get(`${url}?${query}`, headers))
          expect({ url, query, status: got.status }).toEqual({ url, query, status: 400 })
        }
        const max = (await api.get(`${url}?limit=100&offset=0`, headers)).data
        expect({ url, limit: max.limit, offset: max.offset }).toEqual({ url, limit: 100, offset: 0 })
        const byDefault = (await api.get(url, headers)).data
        expect({ url, limit: byDefault.limit }).toEqual({ url, limit: 20 })
      }
      const limit = await answer(api.get("/admin/distribution/commissions?limit=100000", admin))
      expect(limit).toEqual({ status: 400, message: "Invalid request: Value for field 'limit' too big, expected at most: '100'" })
    })

    it("validates settings as a whole: a contradiction is a 400 naming the field, and nothing changes", async () => {
      await setSettings(api, admin, { withdrawal_min: 10 })
      const before = (await api.get("/admin/distribution/settings", admin)).data

      const max = await answer(api.post("/admin/distribution/settings", { withdrawal_max: 5 }, admin))
      expect(max).toEqual({ status: 400, message: "withdrawal_max (5) is below withdrawal_min (10): raise it, or null for no limit" })
      const daily = await answer(api.post("/admin/distribution/settings", { withdrawal_daily_max: 9.99 }, admin))
      expect(daily.status).toBe(400)
      expect(daily.message).toContain("withdrawal_daily_max (9.99) is below withdrawal_min (10)")
      const min = await answer(api.post("/admin/distribution/settings", { withdrawal_max: 50, withdrawal_min: 60 }, admin))
      expect(min.message).toContain("withdrawal_max (50) is below withdrawal_min (60)")
      const rates = await answer(api.post("/admin/distribution/settings", { level_rates: [0.2, 0.15] }, admin))
      expect(rates).toEqual({
        status: 400,
        message: "level_rates pay 0.35 over the 2 paid level(s), above max_total_rate 0.3: lower the rates or raise the cap",
      })
      const levels = await answer(api.post("/admin/distribution/settings", { max_levels: 3, level_rates: [0.1, 0.1, 0.11] }, admin))
      expect(levels.message).toContain("level_rates pay 0.31 over the 3 paid level(s)")
      for (const body of [{ binding_days: 1e9 }, { freeze_days: -1 }, { share_promotion_code: "A\u0000" }, { storefront_url: "https://x.test/\u0000" }]) {
        expect({ body, status: (await answer(api.post("/admin/distribution/settings", body, admin))).status }).toEqual({ body, status: 400 })
      }

      expect((await api.get("/admin/distribution/settings", admin)).data).toEqual(before)
      // The same limits in the right order are taken.
      expect(await setSettings(api, admin, { withdrawal_max: 60, withdrawal_daily_max: 10 })).toMatchObject({ withdrawal_min: 10, withdrawal_max: 60, withdrawal_daily_max: 10 })
    })

    it("checks a withdrawal account per method: required fields non-blank, unknown fields refused, the field named", async () => {
      await setSettings(api, admin, { withdrawal_methods: ["bank_transfer", "alipay", "paypal", "store_credit"], withdrawal_min: 1, withdrawal_max: null, withdrawal_daily_max: null })
      const d = await makeDistributor(api, admin, seed, "account@test.local")
      await service().createLedgerEntries({ distributor_id: d.distributor.id, currency_code: "usd", amount: 100, type: "settlement", reference_id: "dcom_account" })
      const request = (method: string, account: unknown) =>
        answer(api.post("/store/distribution/me/withdrawals", { amount: 10, currency_code: "usd", method, account }, d.headers))
      const bank = { account_name: "Wang Fang", account_number: "6222 0000 1234", bank_name: "ICBC" }

      expect(await request("bank_transfer", { ...bank, account_number: "   " })).toEqual({
        status: 400,
        message: "Invalid request: account.account_number must not be blank (bank_transfer takes account_name, account_number, bank_name)",
      })
      expect(await request("bank_transfer", { account_name: "A" })).toEqual({
        status: 400,
        message:
          "Invalid request: account.account_number is required (bank_transfer takes account_name, account_number, bank_name); account.bank_name is required (bank_transfer takes account_name, account_number, bank_name)",
      })
      expect(await request("alipay", { account: "a@b.cn", name: "王芳", iban: "x" })).toEqual({
        status: 400,
        message: "Invalid request: account: unknown field(s) iban; alipay takes account, name",
      })
      expect(await request("alipay", { account: "a@b.cn", name: "王\u0000芳" })).toEqual({
        status: 400,
        message: "Invalid request: account.name must not contain NUL characters (\\u0000)",
      })
      expect((await request("bank_transfer", { ...bank, bank_name: "B".repeat(101) })).message).toBe(
        "Invalid request: account.bank_name is too long: at most 100 characters"
      )
      expect((await request("paypal", { email: "not-an-email" })).status).toBe(400)
      expect((await request("store_credit", { note: "x" })).status).toBe(400)
      expect(await service().listWithdrawals({ distributor_id: d.distributor.id })).toEqual([])

      // Trimmed and taken.
      const { data } = await api.post("/store/distribution/me/withdrawals", { amount: 10, currency_code: "USD", method: "bank_transfer", account: { ...bank, bank_name: "  ICBC " } }, d.headers)
      // The account is shown masked (the full number is only stored encrypted).
      expect(data.withdrawal).toMatchObject({ amount: 10, currency_code: "usd", method: "bank_transfer", account: { ...bank, account_number: "****1234", bank_name: "ICBC" } })
    })
  },
})
