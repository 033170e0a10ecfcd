/**
 * The wallet audited (issue 9), on orders placed the real way: monthly statements that add
 * up to the balance, reconciliation that recomputes every commission from its order and
 * checks the ledger's invariants, batch payouts and CSV exports that hold exactly the rows.
 */
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { capturePayment, createAdminUser, Headers, placeOrder, refundPayment, Seed, seedStore } from "../helpers/order-flow"
import { boundBuyer, makeDistributor, orderView, setSettings, statusOf, waitForOrderView } from "../helpers/distribution"
import { pgOf, rowsOf, warmPool } from "../helpers/db"
import { parse } from "csv-parse/sync"
import { DISTRIBUTION_MODULE } from "../../src/modules/distribution"
import DistributionModuleService from "../../src/modules/distribution/service"

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

    /** A distributor with `amount` settled into the wallet (as the settlement job credits it). */
    async function fundedDistributor(email: string, amount: number) {
      const d = await makeDistributor(api, admin, seed, email)
      await getContainer()
        .resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
        .createLedgerEntries({ distributor_id: d.distributor.id, currency_code: "usd", amount, type: "settlement", reference_id: `dcom_${email}` })
      return d
    }
    const withdraw = async (h: Headers, amount: number, method: string, account: Record<string, string>) =>
      (await api.post("/store/distribution/me/withdrawals", { amount, currency_code: "usd", method, account }, h)).data.withdrawal
    /** A CSV download as bytes, and its rows parsed (the BOM checked and removed). */
    async function csvOf(res: Promise<{ data: ArrayBuffer; headers: Record<string, string> }>) {
      const { data, headers } = await res
      const bytes = Buffer.from(data)
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
      expect(headers["content-type"]).toBe("text/csv; charset=utf-8")
      return parse(bytes.subarray(3).toString("utf8"), { columns: true }) as Record<string, string>[]
    }
    const binary = { responseType: "arraybuffer" as const }

    it("batch payout: one CSV of approved withdrawals with the real accounts, then mark-paid all or none, twice at once paying once", async () => {
      await setSettings(api, admin, { withdrawal_fee_rate: 0.01 })
      const a = await fundedDistributor("batch-a@test.local", 100)
      const b = await fundedDistributor("batch-b@test.local", 100)
      const w1 = await withdraw(a.headers, 30, "bank_transfer", { account_name: "张三", account_number: "6222 0212 3456 7896 789", bank_name: "中国工商银行" })
      const w2 = await withdraw(b.headers, 20, "bank_transfer", { account_name: "Li, \"Lee\"", account_number: "DE89370400440532013000", bank_name: "Bank, Berlin" })
      const requested = await withdraw(b.headers, 10, "bank_transfer", { account_name: "李四", account_number: "6222020000001234", bank_name: "ICBC" })
      const pp = await withdraw(a.headers, 5, "paypal", { email: "a@test.local" })
      for (const w of [w1, w2, pp]) await api.post(`/admin/distribution/withdrawals/${w.id}/approve`, {}, admin)

      const file = await api.post("/admin/distribution/withdrawals/batch", { ids: [w1.id, w2.id] }, { ...admin, ...binary })
      expect(file.headers["content-disposition"]).toMatch(/^attachment; filename="withdrawals-bank_transfer-\d{4}-\d{2}-\d{2}\.csv"$/)
      expect(await csvOf(Promise.resolve(file))).toEqual([
        { withdrawal_id: w1.id, account_name: "张三", account_number: "6222021234567896789", bank_name: "中国工商银行", amount: "29.70", currency_code: "USD", note: `Withdrawal ${w1.id}` },
        { withdrawal_id: w2.id, account_name: 'Li, "Lee"', account_number: "DE89370400440532013000", bank_name: "Bank, Berlin", amount: "19.80", currency_code: "USD", note: `Withdrawal ${w2.id}` },
      ])
      expect(await csvOf(api.post("/admin/distribution/withdrawals/batch", { ids: [pp.id] }, { ...admin, ...binary }))).toEqual([
        { withdrawal_id: pp.id, email: "a@test.local", amount: "4.95", currency_code: "USD", note: `Withdrawal ${pp.id}` },
      ])
      for (const ids of [[w1.id, requested.id], [w1.id, pp.id], [w1.id, "dwd_missing"], [w1.id, w1.id], []]) {
        expect([ids, await statusOf(api.post("/admin/distribution/withdrawals/batch", { ids }, admin))]).toEqual([ids, 400])
      }

      const markPaid = (items: { id: string; reference: string }[]) => api.post("/admin/distribution/withdrawals/batch/mark-paid", { items }, admin)
      // All or none: one withdrawal not approved refuses the batch.
      const refused = await markPaid([{ id: w1.id, reference: "B-1" }, { id: requested.id, reference: "B-3" }]).catch((e) => e.response)
      expect(refused.status).toBe(400)
      expect(refused.data.message).toBe(`Nothing was marked paid: ${requested.id} is requested: mark paid applies to approved ones`)
      expect((await rowsOf(getContainer(), "distribution_withdrawal", { id: w1.id }))[0].status).toBe("approved")

      const items = [{ id: w1.id, reference: "B-1" }, { id: w2.id, reference: "B-2" }]
      await warmPool(getContainer())
      const [first, second] = await Promise.all([markPaid(items), markPaid(items)])
      const answers = [first.data, second.data].map((d) => [d.paid.length, d.already_paid.length]).sort()
      expect(answers).toEqual([[0, 2], [2, 0]])
      const paidNow = (first.data.paid.length ? first : second).data.paid
      expect(paidNow.map((w: { id: string; status: string; reference: string; account: unknown }) => [w.id, w.status, w.reference, w.account])).toEqual(
        expect.arrayContaining([
          [w1.id, "paid", "B-1", { account_name: "张三", account_number: "****6789", bank_name: "中国工商银行" }],
          [w2.id, "paid", "B-2", { account_name: 'Li, "Lee"', account_number: "****3000", bank_name: "Bank, Berlin" }],
        ])
      )
      expect((await markPaid(items)).data).toEqual({ paid: [], already_paid: [w1.id, w2.id] })
      expect(await statusOf(markPaid([{ id: w1.id, reference: "OTHER" }]))).toBe(400)
      expect(await statusOf(markPaid([{ id: w1.id, reference: "B-1" }, { id: w1.id, reference: "B-1" }]))).toBe(400)
      expect((await api.get("/store/distribution/me", a.headers)).data.balances[0]).toMatchObject({ available: 65, withdrawn: 30 })
      expect((await api.get("/store/distribution/me", b.headers)).data.balances[0]).toMatchObject({ available: 70, withdrawn: 20 })
      const ledger = await rowsOf(getContainer(), "distribution_ledger_entry", { type: "withdrawal" })
      expect(ledger).toHaveLength(4) // paying adds no ledger entry: the debit was at the request
    })

    it("exports stream exactly the rows of the range as CSV with a BOM: ledger, commissions, distributors, withdrawals (masked)", async () => {
      await setSettings(api, admin, { settlement_trigger: "captured", freeze_days: 0 })
      const top = await makeDistributor(api, admin, seed, "exp-top@test.local")
      const d = await makeDistributor(api, admin, seed, "exp@test.local", top.distributor.id)
      const order = await capturedOrder(d, "exp-buyer@test.local", 2)
      await settle()
      await refundPayment(api, admin, order.id, 55)
      await waitForOrderView(api, admin, order.id, (v) => v.commissions.find((c) => c.level === 1)?.amount === 4.5)
      await api.post(`/admin/distribution/distributors/${d.distributor.id}/adjustments`, { amount: 1.25, currency_code: "usd", reason: "补贴, \"双十一\"\n第二行" }, admin)
      await withdraw(d.headers, 2, "bank_transfer", { account_name: "张三", account_number: "6222021234567896789", bank_name: "工商银行" })
      const pg = pgOf(getContainer())
      const [old] = await pg("distribution_ledger_entry").where({ distributor_id: top.distributor.id, type: "settlement" })
      await pg("distribution_ledger_entry").where({ id: old.id }).update({ created_at: new Date("2026-10-15T08:00:00Z") })

      const ledgerRows = (await pgOf(getContainer())("distribution_ledger_entry").whereNull("deleted_at").orderBy([{ column: "created_at" }, { column: "id" }]))
      const exported = await csvOf(api.get("/admin/distribution/ledger/export", { ...admin, ...binary }))
      expect(exported).toEqual(
        ledgerRows.map((e) => ({
          id: e.id,
          created_at: new Date(e.created_at).toISOString(),
          distributor_id: e.distributor_id,
          currency_code: e.currency_code,
          type: e.type,
          amount: String(e.amount),
          reference_id: e.reference_id ?? "",
          note: e.note ?? "",
          created_by: e.created_by ?? "",
        }))
      )
      expect(exported.map((e) => [e.type, Number(e.amount)])).toEqual([
        ["settlement", 5],
        ["settlement", 10],
        ["clawback", -5.5],
        ["clawback", -2.75],
        ["admin_adjustment", 1.25],
        ["withdrawal", -2],
      ])
      expect(exported[4].note).toBe('补贴, "双十一"\n第二行')
      const recent = await csvOf(api.get("/admin/distribution/ledger/export?from=2026-11-01", { ...admin, ...binary }))
      expect(recent.map((e) => e.id)).toEqual(exported.slice(1).map((e) => e.id))
      const october = await csvOf(api.get("/admin/distribution/ledger/export?from=2026-10-01&to=2026-10-31", { ...admin, ...binary }))
      expect(october.map((e) => e.id)).toEqual([old.id])

      const commissions = await csvOf(api.get("/admin/distribution/commissions/export", { ...admin, ...binary }))
      expect(commissions.map((c) => [c.order_id, c.level, c.status, c.amount, c.accrued_amount, c.reversed_amount])).toEqual([
        [order.id, "1", "settled", "4.5", "10", "5.5"],
        [order.id, "2", "settled", "2.25", "5", "2.75"],
      ])
      expect(JSON.parse(commissions[0].lines)).toEqual([expect.objectContaining({ base: "45", amount: "4.5" })])
      expect(JSON.parse(commissions[0].adjustments)).toEqual([expect.objectContaining({ amount: -5.5, reason: "payment.refunded" })])

      const distributors = await csvOf(api.get("/admin/distribution/distributors/export", { ...admin, ...binary }))
      expect(distributors.map((r) => [r.id, r.parent_id, r.upline, r.status])).toEqual([
        [top.distributor.id, "", "", "active"],
        [d.distributor.id, top.distributor.id, top.distributor.id, "active"],
      ])
      const withdrawals = await csvOf(api.get("/admin/distribution/withdrawals/export", { ...admin, ...binary }))
      expect(withdrawals).toEqual([expect.objectContaining({ method: "bank_transfer", amount: "2", status: "requested" })])
      expect(JSON.parse(withdrawals[0].account)).toEqual({ account_name: "张三", account_number: "****6789", bank_name: "工商银行" })
      expect(JSON.stringify(withdrawals)).not.toContain("7896789")

      expect(await statusOf(api.get("/admin/distribution/ledger/export?to=someday", admin))).toBe(400)
      expect(await statusOf(api.get("/admin/distribution/ledger/export"))).toBe(401)
    })
  },
})
