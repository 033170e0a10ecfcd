/**
 * The wallet audited (issue 9), on orders placed the real way: monthly statements that add
 * up to the balance, reconciliation that recomputes every commission from its order and
 * checks the ledger's invariants, batch payouts and CSV exports that hold exactly the rows.
 */
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { capturePayment, createAdminUser, Headers, placeOrder, refundPayment, Seed, seedStore } from "../helpers/order-flow"
import { boundBuyer, makeDistributor, orderView, setSettings, statusOf, waitForOrderView } from "../helpers/distribution"
import { pgOf } from "../helpers/db"

jest.setTimeout(300_000)

const money = (n: number) => ({ amount: n, raw_amount: JSON.stringify({ value: String(n), precision: 20 }) })

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: Headers
    let seed: Seed

    beforeAll(async () => {
      admin = await createAdminUser(api, getContainer())
      seed = await seedStore(api, admin)
    })

    /** A bound buyer's order of product A (100): 10 % → a commission of 10, captured, frozen for 0 days. */
    async function capturedOrder(d: { distributor: { code: string } }, buyerEmail: string, levels = 1) {
      const buyer = await boundBuyer(api, seed, buyerEmail, d.distributor.code)
      const order = await placeOrder(api, { seed, customerHeaders: buyer.headers, items: [{ variant_id: seed.variants.A, quantity: 1 }] })
      await waitForOrderView(api, admin, order.id, (v) => v.commissions.length === levels)
      await capturePayment(api, admin, order.id)
      await waitForOrderView(api, admin, order.id, (v) => v.commissions.every((c) => c.status === "frozen"))
      return order
    }
    const settle = () => api.post("/admin/distribution/commissions/settle", {}, admin)
    const thisMonth = () => new Date().toISOString().slice(0, 7)
    const lastMonth = () => {
      const d = new Date()
      return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 15, 8)).toISOString()
    }

    it("monthly statements add up to the balance: opening + credits − debits = closing, month after month", async () => {
      await setSettings(api, admin, { settlement_trigger: "captured", freeze_days: 0 })
      const d = await makeDistributor(api, admin, seed, "stated@test.local")
      const order = await capturedOrder(d, "stated-buyer@test.local")
      await settle()
      // The settlement happened last month.
      const pg = pgOf(getContainer())
      await pg("distribution_ledger_entry").where({ distributor_id: d.distributor.id }).update({ created_at: lastMonth() })

      await api.post("/store/distribution/me/withdrawals", { amount: 4, currency_code: "usd", method: "paypal", account: { email: "s@test.local" } }, d.headers)
      await api.post(`/admin/distribution/distributors/${d.distributor.id}/adjustments`, { amount: 2.5, currency_code: "usd", reason: "bonus" }, admin)
      await refundPayment(api, admin, order.id, 110) // a clawback of the settled 10
      await waitForOrderView(api, admin, order.id, (v) => v.commissions[0].amount === 0)

      const previous = lastMonth().slice(0, 7)
      expect((await api.get(`/store/distribution/me/statements?month=${previous}`, d.headers)).data).toEqual({
        month: previous,
        statements: [{ currency_code: "usd", opening: 0, credits: 10, debits: 0, closing: 10 }],
      })
      const current = (await api.get(`/store/distribution/me/statements?month=${thisMonth()}`, d.headers)).data
      expect(current.statements).toEqual([{ currency_code: "usd", opening: 10, credits: 2.5, debits: 14, closing: -1.5 }])
      const { balances } = (await api.get("/store/distribution/me", d.headers)).data
      expect(balances[0].available).toBe(-1.5)
      expect((await api.get("/store/distribution/me/statements", d.headers)).data.statements).toEqual(current.statements)
      expect((await api.get(`/admin/distribution/distributors/${d.distributor.id}/statements?month=${thisMonth()}`, admin)).data.statements).toEqual(
        current.statements
      )
      expect((await api.get(`/store/distribution/me/statements?month=2020-01`, d.headers)).data.statements).toEqual([])

      expect(await statusOf(api.get("/store/distribution/me/statements?month=2026-13", d.headers))).toBe(400)
      expect(await statusOf(api.get("/store/distribution/me/statements?month=26-1", d.headers))).toBe(400)
      expect(await statusOf(api.get("/admin/distribution/distributors/dist_missing/statements", admin))).toBe(404)
      expect(await statusOf(api.get("/store/distribution/me/statements", seed.storeHeaders))).toBe(401)
    })

    it("reconciliation recomputes every commission from its order and checks the ledger: none on a clean store, each planted difference found", async () => {
      await setSettings(api, admin, { settlement_trigger: "captured", freeze_days: 0 })
      const top = await makeDistributor(api, admin, seed, "rec-top@test.local")
      const d = await makeDistributor(api, admin, seed, "rec@test.local", top.distributor.id)
      const settled = await capturedOrder(d, "rec-buyer1@test.local", 2)
      await settle()
      const open = await capturedOrder(d, "rec-buyer2@test.local", 2)
      // After settlement, a refund of 55 of the 110 paid (100 + 10 shipping) leaves a base of 45: clawbacks of 5.5 and 2.75.
      await refundPayment(api, admin, settled.id, 55)
      await waitForOrderView(api, admin, settled.id, (v) => v.commissions.find((c) => c.level === 1)?.amount === 4.5)
      const { withdrawal } = (
        await api.post("/store/distribution/me/withdrawals", { amount: 3, currency_code: "usd", method: "paypal", account: { email: "r@test.local" } }, d.headers)
      ).data
      await api.post(`/admin/distribution/withdrawals/${withdrawal.id}/reject`, { reason: "KYC" }, admin)

      expect((await api.get("/admin/distribution/reconciliation", admin)).data).toEqual({ checked: 2, differences: [] })

      const pg = pgOf(getContainer())
      const [c1] = (await orderView(api, admin, settled.id)).commissions.filter((c) => c.level === 1)
      await pg("distribution_commission").where({ id: c1.id }).update(money(9))
      const [c2] = (await orderView(api, admin, open.id)).commissions.filter((c) => c.level === 2)
      await pg("distribution_commission").where({ id: c2.id }).update(money(4))
      await pg("distribution_ledger_entry").where({ type: "withdrawal_reversal", reference_id: withdrawal.id }).update({ deleted_at: new Date() })

      const found = (await api.get("/admin/distribution/reconciliation", admin)).data
      expect(found.checked).toBe(2)
      expect(found.differences).toEqual(
        expect.arrayContaining([
          { check: "commission", order_id: settled.id, level: 1, commission_id: c1.id, stored: 9, expected: 4.5 },
          { check: "commission_lines", order_id: settled.id, level: 1, commission_id: c1.id, stored: 4.5, expected: 9 },
          { check: "settled_amount", order_id: settled.id, level: 1, commission_id: c1.id, stored: 4.5, expected: 9 },
          { check: "commission", order_id: open.id, level: 2, commission_id: c2.id, stored: 4, expected: 5 },
          { check: "commission_lines", order_id: open.id, level: 2, commission_id: c2.id, stored: 5, expected: 4 },
          { check: "withdrawal_reversal", order_id: null, level: null, withdrawal_id: withdrawal.id, stored: 0, expected: 3 },
        ])
      )
      expect(found.differences).toHaveLength(6)

      const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)
      expect((await api.get(`/admin/distribution/reconciliation?from=${tomorrow}`, admin)).data).toEqual({ checked: 0, differences: [] })
      expect(await statusOf(api.get("/admin/distribution/reconciliation?from=soon", admin))).toBe(400)
    })
  },
})
