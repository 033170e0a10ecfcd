// This suite boots the test app with Medusa's loyalty plugin (medusa-config.ts reads this
// when jest loads it, in this file's beforeAll); the next suite in this worker boots without.
process.env.DISTRIBUTION_LOYALTY_PLUGIN = "true"

import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminUser, Headers, Seed, seedStore } from "../helpers/order-flow"
import { makeDistributor, setSettings, statusOf } from "../helpers/distribution"
import { failInsertsInto, pgOf, rowsOf, waitForLockWaiters, warmPool } from "../helpers/db"
import { DISTRIBUTION_MODULE } from "../../src/modules/distribution"
import DistributionModuleService from "../../src/modules/distribution/service"

jest.setTimeout(180_000)

afterAll(() => {
  delete process.env.DISTRIBUTION_LOYALTY_PLUGIN
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: Headers
    let seed: Seed

    beforeAll(async () => {
      admin = await createAdminUser(api, getContainer())
      seed = await seedStore(api, admin)
    })

    beforeEach(async () => {
      await setSettings(api, admin, { withdrawal_methods: ["paypal", "store_credit"], withdrawal_fee_rate: 0.015 })
    })

    /** A distributor with `amount` settled into the wallet (as the settlement job credits it). */
    async function fundedDistributor(email: string, amount: number, currency = "usd") {
      const d = await makeDistributor(api, admin, seed, email)
      await getContainer()
        .resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
        .createLedgerEntries({ distributor_id: d.distributor.id, currency_code: currency, amount, type: "settlement", reference_id: `dcom_${email}_${currency}` })
      return d
    }
    const balances = async (h: Headers) => (await api.get("/store/distribution/me", h)).data.balances
    const request = (h: Headers, amount: number, currency = "usd") =>
      api.post("/store/distribution/me/withdrawals", { method: "store_credit", account: {}, amount, currency_code: currency }, h)
    const approve = (id: string) => api.post(`/admin/distribution/withdrawals/${id}/approve`, {}, admin)
    /** The customer's store-credit accounts, as the loyalty plugin's own store route shows them. */
    const storeCredit = async (h: Headers, currency = "usd") =>
      (await api.get(`/store/store-credit-accounts?currency_code=${currency}`, h)).data.store_credit_accounts.map(
        (a: { currency_code: string; balance: number; credits: number }) => ({ currency_code: a.currency_code, balance: a.balance, credits: a.credits })
      )
    const creditsFor = (withdrawalId: string) =>
      pgOf(getContainer())("store_credit_account_transaction").where({ reference: "distribution_withdrawal", reference_id: withdrawalId, deleted_at: null })

    it("pays an approved store-credit withdrawal into the customer's account, in its currency, for the net amount", async () => {
      const d = await fundedDistributor("credit@test.local", 100)
      await fundedDistributor("other@test.local", 10)
      const { withdrawal } = (await request(d.headers, 33.3)).data
      // 1.5 % of 33.30 = 0.4995 → 0.50: the customer's store credit grows by 32.80.
      expect(withdrawal).toMatchObject({ status: "requested", method: "store_credit", amount: 33.3, fee_amount: 0.5, net_amount: 32.8 })
      // Store credit takes no account fields.
      const extra = api.post("/store/distribution/me/withdrawals", { method: "store_credit", account: { note: "x" }, amount: 5, currency_code: "usd" }, d.headers)
      expect(await statusOf(extra)).toBe(400)

      const paid = (await approve(withdrawal.id)).data.withdrawal
      expect(paid).toMatchObject({ id: withdrawal.id, status: "paid" })
      const [credit] = await creditsFor(withdrawal.id)
      expect(paid.reference).toBe(credit.id)
      expect(await storeCredit(d.headers)).toEqual([{ currency_code: "usd", balance: 32.8, credits: 32.8 }])
      expect(await balances(d.headers)).toEqual([{ currency_code: "usd", pending: 0, frozen: 0, available: 66.7, withdrawn: 33.3 }])

      // A second payout in another currency gets its own account; the first one grows.
      await getContainer()
        .resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
        .createLedgerEntries({ distributor_id: d.distributor.id, currency_code: "eur", amount: 20, type: "settlement", reference_id: "dcom_eur" })
      const eur = (await request(d.headers, 20, "eur")).data.withdrawal
      const usd = (await request(d.headers, 10)).data.withdrawal
      expect((await approve(eur.id)).data.withdrawal.status).toBe("paid")
      expect((await approve(usd.id)).data.withdrawal.status).toBe("paid")
      // 20 − 0.30 fee; 32.80 + (10 − 0.15).
      expect(await storeCredit(d.headers, "eur")).toEqual([{ currency_code: "eur", balance: 19.7, credits: 19.7 }])
      expect(await storeCredit(d.headers)).toEqual([{ currency_code: "usd", balance: 42.65, credits: 42.65 }])
      // Paid is final: no second payout, no rejection.
      expect(await statusOf(approve(withdrawal.id))).toBe(400)
      expect(await statusOf(api.post(`/admin/distribution/withdrawals/${withdrawal.id}/reject`, { reason: "late" }, admin))).toBe(400)
      expect(await creditsFor(withdrawal.id)).toHaveLength(1)
    })

    it("credits once when the same withdrawal is approved several times at once", async () => {
      const d = await fundedDistributor("racer@test.local", 50)
      const { withdrawal } = (await request(d.headers, 40)).data
      await warmPool(getContainer())
      const results = await Promise.all(Array.from({ length: 4 }, () => approve(withdrawal.id).then((r) => r.data.withdrawal.status, (e) => e.response.status)))
      expect(results.sort()).toEqual([400, 400, 400, "paid"])
      expect(await creditsFor(withdrawal.id)).toHaveLength(1)
      expect(await storeCredit(d.headers)).toEqual([{ currency_code: "usd", balance: 39.4, credits: 39.4 }])
      expect(await balances(d.headers)).toEqual([{ currency_code: "usd", pending: 0, frozen: 0, available: 10, withdrawn: 40 }])
    })

    it("opens one account when two of a customer's first withdrawals are approved at once", async () => {
      const d = await fundedDistributor("twice@test.local", 100)
      const first = (await request(d.headers, 30)).data.withdrawal
      const second = (await request(d.headers, 20)).data.withdrawal
      // Both payouts find no account and try to create one: hold their inserts until both wait.
      const gate = await pgOf(getContainer()).transaction()
      await gate.raw("LOCK TABLE store_credit_account IN SHARE ROW EXCLUSIVE MODE")
      const approvals = [approve(first.id), approve(second.id)].map((p) => p.then((r) => r.data.withdrawal.status))
      await waitForLockWaiters(getContainer(), 2)
      await gate.commit()
      expect(await Promise.all(approvals)).toEqual(["paid", "paid"])
      // 29.55 + 19.70, in the one account the plugin's unique (customer, currency) key allows.
      expect(await storeCredit(d.headers)).toEqual([{ currency_code: "usd", balance: 49.25, credits: 49.25 }])
    })

    it("does not credit again for a payout that died after crediting, before it was recorded", async () => {
      const d = await fundedDistributor("crashed@test.local", 50)
      const { withdrawal } = (await request(d.headers, 20)).data
      // What a process that died between the loyalty plugin's commit and ours leaves behind.
      const storeCreditModule = getContainer().resolve<any>("store_credit")
      const [account] = await storeCreditModule.createStoreCreditAccounts([{ customer_id: d.customer.id, currency_code: "usd" }])
      const [earlier] = await storeCreditModule.creditAccounts([
        { account_id: account.id, amount: 19.7, reference: "distribution_withdrawal", reference_id: withdrawal.id },
      ])
      // Rejecting it would give the money back a second time: refused, nothing changes.
      const reject = api.post(`/admin/distribution/withdrawals/${withdrawal.id}/reject`, { reason: "changed my mind" }, admin)
      expect(await statusOf(reject)).toBe(409)
      expect(await balances(d.headers)).toEqual([{ currency_code: "usd", pending: 0, frozen: 0, available: 30, withdrawn: 0 }])
      const paid = (await approve(withdrawal.id)).data.withdrawal
      expect(paid).toMatchObject({ status: "paid", reference: earlier.id })
      expect(await creditsFor(withdrawal.id)).toHaveLength(1)
      expect(await storeCredit(d.headers)).toEqual([{ currency_code: "usd", balance: 19.7, credits: 19.7 }])
    })

    it("fails the withdrawal back to the wallet, once, when the credit cannot be made", async () => {
      const d = await fundedDistributor("bounced@test.local", 50)
      const { withdrawal } = (await request(d.headers, 30)).data
      const restore = await failInsertsInto(getContainer(), "store_credit_account_transaction")
      let failed
      try {
        failed = (await approve(withdrawal.id)).data.withdrawal
      } finally {
        await restore()
      }
      expect(failed).toMatchObject({ id: withdrawal.id, status: "failed" })
      expect(failed.reason).toMatch(/^Store credit payout failed: .*injected failure on store_credit_account_transaction/)
      expect(await creditsFor(withdrawal.id)).toHaveLength(0)
      expect(await balances(d.headers)).toEqual([{ currency_code: "usd", pending: 0, frozen: 0, available: 50, withdrawn: 0 }])
      const reversals = await rowsOf(getContainer(), "distribution_ledger_entry", { type: "withdrawal_reversal", reference_id: withdrawal.id })
      expect(reversals.map((r) => Number(r.amount))).toEqual([30])
      // Failed is final: approving again neither pays nor refunds a second time.
      expect(await statusOf(approve(withdrawal.id))).toBe(400)
      expect(await creditsFor(withdrawal.id)).toHaveLength(0)
      expect((await balances(d.headers))[0].available).toBe(50)
    })
  },
})
