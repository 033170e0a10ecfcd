/**
 * The wallet's ledger made complete (issue 9): admin adjustments with their author and
 * reason, failed payouts that give the money back once, ledger lists for admins and
 * distributors, and withdrawals' state changes decided once under concurrency.
 * The 20-requests overdraw race lives in engine-races.spec.ts, the clawback after a
 * withdrawal in commissions.spec.ts.
 */
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminUser, Headers, Seed, seedStore } from "../helpers/order-flow"
import { makeDistributor, statusOf } from "../helpers/distribution"
import { pgOf, rowsOf, warmPool } from "../helpers/db"
import { adjustWalletWorkflow } from "../../src/workflows/wallet/workflows/adjust-wallet"
import { DISTRIBUTION_MODULE } from "../../src/modules/distribution"
import DistributionModuleService from "../../src/modules/distribution/service"

jest.setTimeout(240_000)

let refuseAdjustments = false
adjustWalletWorkflow.hooks.walletAdjusted(async () => {
  if (refuseAdjustments) throw new Error("walletAdjusted refused (test)")
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: Headers
    let seed: Seed
    let adminUserId: string

    beforeAll(async () => {
      admin = await createAdminUser(api, getContainer())
      seed = await seedStore(api, admin)
      adminUserId = (await api.get("/admin/users/me", admin)).data.user.id
    })

    const ledgerOf = async (distributorId: string) =>
      (await rowsOf(getContainer(), "distribution_ledger_entry", { distributor_id: distributorId })).map((e) => [e.type, Number(e.amount)])
    const balances = async (h: Headers) => (await api.get("/store/distribution/me", h)).data.balances
    const paypal = { method: "paypal", account: { email: "me@test.local" }, currency_code: "usd" }

    /** A distributor with `amount` settled into the wallet (as the settlement job credits it). */
    async function fundedDistributor(email: string, amount: number) {
      const d = await makeDistributor(api, admin, seed, email)
      await getContainer()
        .resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
        .createLedgerEntries({ distributor_id: d.distributor.id, currency_code: "usd", amount, type: "settlement", reference_id: `dcom_${email}` })
      return d
    }
    async function approvedWithdrawal(email: string, amount: number) {
      const d = await fundedDistributor(email, amount)
      const { withdrawal } = (await api.post("/store/distribution/me/withdrawals", { ...paypal, amount }, d.headers)).data
      await api.post(`/admin/distribution/withdrawals/${withdrawal.id}/approve`, {}, admin)
      return { d, withdrawal }
    }

    it("adjusts a wallet by hand, credit and debit, recording the admin and the reason", async () => {
      const d = await fundedDistributor("adjusted@test.local", 20)
      const url = `/admin/distribution/distributors/${d.distributor.id}/adjustments`
      const credit = (await api.post(url, { amount: 12.5, currency_code: "USD", reason: "Campaign bonus 双十一" }, admin)).data.ledger_entry
      expect(credit).toMatchObject({
        distributor_id: d.distributor.id,
        currency_code: "usd",
        amount: 12.5,
        type: "admin_adjustment",
        note: "Campaign bonus 双十一",
        created_by: adminUserId,
      })
      // A debit may go below zero, as a clawback does.
      await api.post(url, { amount: -40, currency_code: "usd", reason: "Duplicate payout PP-7" }, admin)
      expect(await balances(d.headers)).toEqual([{ currency_code: "usd", pending: 0, frozen: 0, available: -7.5, withdrawn: 0 }])
      expect(await ledgerOf(d.distributor.id)).toEqual([
        ["settlement", 20],
        ["admin_adjustment", 12.5],
        ["admin_adjustment", -40],
      ])

      for (const bad of [
        { amount: 0, currency_code: "usd", reason: "nothing" },
        { amount: 1.005, currency_code: "usd", reason: "too precise" },
        { amount: 5, currency_code: "usd", reason: "  " },
        { amount: 5, currency_code: "usdx", reason: "bad currency" },
        { amount: 5, currency_code: "usd" },
        { amount: "5", currency_code: "usd", reason: "a string" },
      ]) {
        expect([JSON.stringify(bad), await statusOf(api.post(url, bad, admin))]).toEqual([JSON.stringify(bad), 400])
      }
      expect(await statusOf(api.post("/admin/distribution/distributors/dist_missing/adjustments", { amount: 5, currency_code: "usd", reason: "x" }, admin))).toBe(404)
      expect(await statusOf(api.post(url, { amount: 5, currency_code: "usd", reason: "x" }))).toBe(401)
      expect(await ledgerOf(d.distributor.id)).toHaveLength(3)
    })

    it("answers an adjustment with its opposite when a later step fails: the balance is as before", async () => {
      const d = await fundedDistributor("compensated@test.local", 10)
      refuseAdjustments = true
      try {
        const status = await statusOf(
          api.post(`/admin/distribution/distributors/${d.distributor.id}/adjustments`, { amount: 5, currency_code: "usd", reason: "bonus" }, admin)
        )
        expect(status).toBeGreaterThanOrEqual(400)
      } finally {
        refuseAdjustments = false
      }
      expect((await balances(d.headers))[0].available).toBe(10)
      const entries = await rowsOf(getContainer(), "distribution_ledger_entry", { distributor_id: d.distributor.id, type: "admin_adjustment" })
      expect(entries.map((e) => [Number(e.amount), e.reference_id])).toEqual([
        [5, null],
        [-5, entries[0].id],
      ])
    })

    it("marks an approved withdrawal failed once, giving the money back once, even when asked twice at once", async () => {
      const { d, withdrawal } = await approvedWithdrawal("bounced@test.local", 50)
      expect((await balances(d.headers))[0].available).toBe(0)
      const url = `/admin/distribution/withdrawals/${withdrawal.id}/mark-failed`
      expect(await statusOf(api.post(url, {}, admin))).toBe(400) // a reason is required

      await warmPool(getContainer())
      const results = await Promise.all([1, 2].map((i) => statusOf(api.post(url, { reason: `account closed ${i}` }, admin))))
      expect(results.sort()).toEqual([200, 400])
      expect(await balances(d.headers)).toEqual([{ currency_code: "usd", pending: 0, frozen: 0, available: 50, withdrawn: 0 }])
      expect(await ledgerOf(d.distributor.id)).toEqual([
        ["settlement", 50],
        ["withdrawal", -50],
        ["withdrawal_reversal", 50],
      ])
      const [row] = await rowsOf(getContainer(), "distribution_withdrawal", { id: withdrawal.id })
      expect(row).toMatchObject({ status: "failed" })
      expect(row.reason).toMatch(/^account closed [12]$/)
      // Final: neither paid nor failed again.
      expect(await statusOf(api.post(`/admin/distribution/withdrawals/${withdrawal.id}/mark-paid`, { reference: "T" }, admin))).toBe(400)
      expect(await statusOf(api.post(url, { reason: "again" }, admin))).toBe(400)
    })

    it("refuses mark-failed on a withdrawal that is not approved", async () => {
      const d = await fundedDistributor("early@test.local", 30)
      const { withdrawal } = (await api.post("/store/distribution/me/withdrawals", { ...paypal, amount: 30 }, d.headers)).data
      const refused = await api.post(`/admin/distribution/withdrawals/${withdrawal.id}/mark-failed`, { reason: "x" }, admin).catch((e) => e.response)
      expect(refused.status).toBe(400)
      expect(refused.data.message).toBe(`Withdrawal ${withdrawal.id} is requested: mark failed applies to approved ones`)
      expect(await statusOf(api.post("/admin/distribution/withdrawals/dwd_missing/mark-failed", { reason: "x" }, admin))).toBe(404)
    })

    it("pays a withdrawal once when mark-paid is sent twice at once", async () => {
      const { d, withdrawal } = await approvedWithdrawal("paidtwice@test.local", 25)
      await warmPool(getContainer())
      const url = `/admin/distribution/withdrawals/${withdrawal.id}/mark-paid`
      const results = await Promise.all(["A", "B"].map((ref) => statusOf(api.post(url, { reference: ref }, admin))))
      expect(results.sort()).toEqual([200, 400])
      expect(await balances(d.headers)).toEqual([{ currency_code: "usd", pending: 0, frozen: 0, available: 0, withdrawn: 25 }])
      expect(await ledgerOf(d.distributor.id)).toEqual([
        ["settlement", 25],
        ["withdrawal", -25],
      ])
    })

    it("takes each withdrawal through every state change, the ledger following each", async () => {
      const d = await fundedDistributor("states@test.local", 100)
      const ask = async (amount: number) => (await api.post("/store/distribution/me/withdrawals", { ...paypal, amount }, d.headers)).data.withdrawal
      const act = (id: string, action: string, body: object = {}) => api.post(`/admin/distribution/withdrawals/${id}/${action}`, body, admin)

      const paid = await ask(10) // requested → approved → paid
      expect((await act(paid.id, "approve")).data.withdrawal.status).toBe("approved")
      expect((await act(paid.id, "mark-paid", { reference: "BANK-1" })).data.withdrawal).toMatchObject({ status: "paid", reference: "BANK-1" })
      const rejectedEarly = await ask(20) // requested → rejected
      expect((await act(rejectedEarly.id, "reject", { reason: "KYC" })).data.withdrawal.status).toBe("rejected")
      const rejectedLate = await ask(30) // requested → approved → rejected
      await act(rejectedLate.id, "approve")
      expect((await act(rejectedLate.id, "reject", { reason: "name mismatch" })).data.withdrawal.status).toBe("rejected")
      const failed = await ask(15) // requested → approved → failed
      await act(failed.id, "approve")
      expect((await act(failed.id, "mark-failed", { reason: "card closed" })).data.withdrawal.status).toBe("failed")

      expect(await balances(d.headers)).toEqual([{ currency_code: "usd", pending: 0, frozen: 0, available: 90, withdrawn: 10 }])
      expect(await ledgerOf(d.distributor.id)).toEqual([
        ["settlement", 100],
        ["withdrawal", -10],
        ["withdrawal", -20],
        ["withdrawal_reversal", 20],
        ["withdrawal", -30],
        ["withdrawal_reversal", 30],
        ["withdrawal", -15],
        ["withdrawal_reversal", 15],
      ])
    })

    it("lists the ledger for admins (by distributor, type, dates) and for the distributor, and balances equal the sums", async () => {
      const a = await fundedDistributor("lista@test.local", 40)
      const b = await fundedDistributor("listb@test.local", 7)
      await api.post(`/admin/distribution/distributors/${a.distributor.id}/adjustments`, { amount: -4, currency_code: "usd", reason: "fee" }, admin)
      await api.post("/store/distribution/me/withdrawals", { ...paypal, amount: 6 }, a.headers)
      // One entry last month.
      const pg = pgOf(getContainer())
      await pg("distribution_ledger_entry").where({ distributor_id: b.distributor.id }).update({ created_at: new Date("2026-10-15T08:00:00Z") })

      const list = (await api.get(`/admin/distribution/ledger?distributor_id=${a.distributor.id}`, admin)).data
      expect(list).toMatchObject({ count: 3, limit: 20, offset: 0 })
      expect(list.ledger_entries.map((e: { type: string; amount: number }) => [e.type, e.amount])).toEqual([
        ["withdrawal", -6],
        ["admin_adjustment", -4],
        ["settlement", 40],
      ])
      const adjustments = (await api.get(`/admin/distribution/ledger?type=admin_adjustment&distributor_id=${a.distributor.id}`, admin)).data
      expect(adjustments.ledger_entries).toEqual([expect.objectContaining({ amount: -4, note: "fee", created_by: adminUserId })])
      const october = (await api.get("/admin/distribution/ledger?from=2026-10-01&to=2026-10-31", admin)).data
      expect(october.ledger_entries.map((e: { distributor_id: string; amount: number }) => [e.distributor_id, e.amount])).toEqual([[b.distributor.id, 7]])
      const paged = (await api.get(`/admin/distribution/ledger?distributor_id=${a.distributor.id}&limit=1&offset=1`, admin)).data
      expect(paged).toMatchObject({ count: 3, limit: 1, offset: 1, ledger_entries: [expect.objectContaining({ amount: -4 })] })

      const mine = (await api.get("/store/distribution/me/ledger", a.headers)).data
      expect(mine.count).toBe(3)
      expect(mine.ledger_entries[1]).toEqual(expect.objectContaining({ type: "admin_adjustment", amount: -4, note: "fee" }))
      expect(mine.ledger_entries[1]).not.toHaveProperty("created_by")
      const sum = mine.ledger_entries.reduce((s: number, e: { amount: number }) => s + e.amount * 100, 0) / 100
      expect((await balances(a.headers))[0].available).toBe(sum)
      expect((await api.get("/store/distribution/me/ledger", b.headers)).data.ledger_entries).toEqual([expect.objectContaining({ amount: 7 })])

      for (const q of ["limit=0", "limit=101", "offset=-1", "from=yesterday", "type=gift", "to=2026-13-01"]) {
        expect([q, await statusOf(api.get(`/admin/distribution/ledger?${q}`, admin))]).toEqual([q, 400])
      }
      expect(await statusOf(api.get("/store/distribution/me/ledger?limit=101", a.headers))).toBe(400)
      expect(await statusOf(api.get("/store/distribution/me/ledger", seed.storeHeaders))).toBe(401)
    })
  },
})
