import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminUser, Headers, Seed, seedStore } from "../helpers/order-flow"
import { makeDistributor, setSettings, statusOf } from "../helpers/distribution"
import { DISTRIBUTION_MODULE } from "../../src/modules/distribution"
import DistributionModuleService from "../../src/modules/distribution/service"

jest.setTimeout(180_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: Headers
    let seed: Seed

    beforeAll(async () => {
      admin = await createAdminUser(api, getContainer())
      seed = await seedStore(api, admin)
    })

    /** A distributor with `amount` settled into the wallet (as the settlement job credits it). */
    async function fundedDistributor(email: string, amount: number) {
      const d = await makeDistributor(api, admin, seed, email)
      await getContainer()
        .resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
        .createLedgerEntries({ distributor_id: d.distributor.id, currency_code: "usd", amount, type: "settlement", reference_id: `dcom_${email}` })
      return d
    }
    const balances = async (h: Headers) => (await api.get("/store/distribution/me", h)).data.balances
    const request = (h: Headers, body: Record<string, unknown>) => api.post("/store/distribution/me/withdrawals", body, h)
    const paypal = { method: "paypal", account: { email: "me@test.local" }, currency_code: "usd" }

    it("requests, approves and pays a withdrawal once, with its fee", async () => {
      await setSettings(api, admin, { withdrawal_fee_rate: 0.015 })
      const d = await fundedDistributor("payee@test.local", 100)
      const { withdrawal } = (await request(d.headers, { ...paypal, amount: 33.3 })).data
      // 1.5 % of 33.30 = 0.4995 → 0.50; the distributor receives 32.80.
      expect(withdrawal).toMatchObject({ status: "requested", amount: 33.3, fee_amount: 0.5, net_amount: 32.8, method: "paypal" })
      expect(await balances(d.headers)).toEqual([{ currency_code: "usd", pending: 0, frozen: 0, available: 66.7, withdrawn: 0 }])

      expect(await statusOf(api.post(`/admin/distribution/withdrawals/${withdrawal.id}/mark-paid`, { reference: "T1" }, admin))).toBe(400)
      await api.post(`/admin/distribution/withdrawals/${withdrawal.id}/approve`, {}, admin)
      const paid = (await api.post(`/admin/distribution/withdrawals/${withdrawal.id}/mark-paid`, { reference: "T1" }, admin)).data.withdrawal
      expect(paid).toMatchObject({ status: "paid", reference: "T1" })
      expect(await statusOf(api.post(`/admin/distribution/withdrawals/${withdrawal.id}/mark-paid`, { reference: "T2" }, admin))).toBe(400)
      expect(await statusOf(api.post(`/admin/distribution/withdrawals/${withdrawal.id}/reject`, { reason: "late" }, admin))).toBe(400)
      expect(await balances(d.headers)).toEqual([{ currency_code: "usd", pending: 0, frozen: 0, available: 66.7, withdrawn: 33.3 }])

      const list = (await api.get("/store/distribution/me/withdrawals", d.headers)).data
      expect(list).toMatchObject({ count: 1, withdrawals: [{ id: withdrawal.id, status: "paid" }] })
      const adminList = (await api.get("/admin/distribution/withdrawals?status=paid", admin)).data
      expect(adminList.withdrawals.map((w: { id: string }) => w.id)).toEqual([withdrawal.id])
    })

    it("returns the money to the wallet when a withdrawal is rejected, once", async () => {
      const d = await fundedDistributor("rejected@test.local", 50)
      const { withdrawal } = (await request(d.headers, { ...paypal, amount: 50 })).data
      expect((await balances(d.headers))[0].available).toBe(0)
      const rejected = (await api.post(`/admin/distribution/withdrawals/${withdrawal.id}/reject`, { reason: "account name mismatch" }, admin)).data
      expect(rejected.withdrawal).toMatchObject({ status: "rejected", reason: "account name mismatch" })
      expect(await statusOf(api.post(`/admin/distribution/withdrawals/${withdrawal.id}/reject`, { reason: "again" }, admin))).toBe(400)
      expect(await balances(d.headers)).toEqual([{ currency_code: "usd", pending: 0, frozen: 0, available: 50, withdrawn: 0 }])
    })

    it("never takes the balance below zero, even with concurrent requests", async () => {
      const d = await fundedDistributor("racer@test.local", 100)
      const results = await Promise.all(Array.from({ length: 5 }, () => statusOf(request(d.headers, { ...paypal, amount: 40 }))))
      expect(results.filter((s) => s === 200)).toHaveLength(2)
      expect(results.filter((s) => s === 400)).toHaveLength(3)
      expect((await balances(d.headers))[0].available).toBe(20)
      expect(await statusOf(request(d.headers, { ...paypal, amount: 20.01 }))).toBe(400)
    })

    it("refuses bad requests with a 400 and changes nothing", async () => {
      await setSettings(api, admin, { withdrawal_min: 10, withdrawal_max: 60, withdrawal_daily_max: 80 })
      const d = await fundedDistributor("strict@test.local", 200)
      expect(await statusOf(request(d.headers, { ...paypal, amount: 5 }))).toBe(400)
      expect(await statusOf(request(d.headers, { ...paypal, amount: 61 }))).toBe(400)
      expect(await statusOf(request(d.headers, { ...paypal, amount: 10.005 }))).toBe(400)
      expect(await statusOf(request(d.headers, { amount: 20, currency_code: "usd", method: "store_credit", account: {} }))).toBe(400)
      expect(await statusOf(request(d.headers, { amount: 20, currency_code: "usd", method: "bank_transfer", account: { account_name: "A" } }))).toBe(400)
      expect(await statusOf(request(d.headers, { ...paypal, amount: 60 }))).toBe(200)
      expect(await statusOf(request(d.headers, { ...paypal, amount: 30 }))).toBe(400) // daily max 80
      expect((await balances(d.headers))[0].available).toBe(140)

      const stranger = await makeDistributor(api, admin, seed, "broke@test.local")
      expect(await statusOf(request(stranger.headers, { ...paypal, amount: 10 }))).toBe(400)
      expect(await statusOf(api.post("/store/distribution/me/withdrawals", { ...paypal, amount: 10 }, seed.storeHeaders))).toBe(401)
      expect(await statusOf(api.get("/admin/distribution/withdrawals"))).toBe(401)
    })
  },
})
