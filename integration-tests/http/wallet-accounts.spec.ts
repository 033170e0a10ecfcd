/**
 * Withdrawal accounts protected (issue 9): sealed with AES-256-GCM in the database, masked
 * in every response, validated per method, re-sealed by the rotation, and rows stored in
 * plaintext before encryption sealed by the migration's step.
 */
import { randomBytes } from "node:crypto"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminUser, Headers, Seed, seedStore } from "../helpers/order-flow"
import { makeDistributor, setSettings, statusOf } from "../helpers/distribution"
import { pgOf, rowsOf } from "../helpers/db"
import { ACCOUNT_KEYS_ENV, DEV_KEY_ID } from "../../src/modules/distribution/account-crypto"
import { encryptPlaintextAccounts } from "../../src/modules/distribution/seal-plaintext-accounts"
import { DISTRIBUTION_MODULE } from "../../src/modules/distribution"
import DistributionModuleService from "../../src/modules/distribution/service"

jest.setTimeout(240_000)

const NUMBER = "6222021234567896789"
const bank = { method: "bank_transfer", currency_code: "usd", account: { account_name: "张三", account_number: "6222 0212 3456 7896 789", bank_name: "中国工商银行" } }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: Headers
    let seed: Seed

    beforeAll(async () => {
      admin = await createAdminUser(api, getContainer())
      seed = await seedStore(api, admin)
    })
    const savedKeys = process.env[ACCOUNT_KEYS_ENV]
    afterEach(() => {
      if (savedKeys === undefined) delete process.env[ACCOUNT_KEYS_ENV]
      else process.env[ACCOUNT_KEYS_ENV] = savedKeys
    })

    const service = () => getContainer().resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
    async function fundedDistributor(email: string, amount: number) {
      const d = await makeDistributor(api, admin, seed, email)
      await service().createLedgerEntries({ distributor_id: d.distributor.id, currency_code: "usd", amount, type: "settlement", reference_id: `dcom_${email}` })
      return d
    }
    const request = (h: Headers, body: Record<string, unknown>) => api.post("/store/distribution/me/withdrawals", body, h)

    it("stores the account sealed (the raw row holds no account number) and shows it masked everywhere", async () => {
      const d = await fundedDistributor("sealed@test.local", 100)
      const masked = { account_name: "张三", account_number: "****6789", bank_name: "中国工商银行" }
      const { withdrawal } = (await request(d.headers, { ...bank, amount: 30 })).data
      expect(withdrawal.account).toEqual(masked)
      const paypal = (await request(d.headers, { method: "paypal", currency_code: "usd", amount: 5, account: { email: "zhang.san@example.cn" } })).data.withdrawal
      expect(paypal.account).toEqual({ email: "z***@example.cn" })

      const rows = await rowsOf(getContainer(), "distribution_withdrawal", { distributor_id: d.distributor.id })
      const raw = JSON.stringify(rows)
      expect(raw).not.toContain(NUMBER)
      expect(raw).not.toContain("7896789")
      expect(raw).not.toContain("zhang.san@")
      expect(rows[0]).toMatchObject({ account: masked, account_key_id: DEV_KEY_ID })
      expect(rows[0].account_encrypted).toMatch(/^v1\.dev\./)

      expect((await api.get("/store/distribution/me/withdrawals", d.headers)).data.withdrawals.map((w: { account: unknown }) => w.account)).toEqual([
        { email: "z***@example.cn" },
        masked,
      ])
      expect((await api.get("/admin/distribution/withdrawals", admin)).data.withdrawals.map((w: { account: unknown }) => w.account)).toEqual([
        { email: "z***@example.cn" },
        masked,
      ])
      expect((await api.post(`/admin/distribution/withdrawals/${withdrawal.id}/approve`, {}, admin)).data.withdrawal.account).toEqual(masked)
      // Only the vault opens it (the admin's batch payout file), spaces as typed removed.
      expect((await service().openWithdrawalAccounts([withdrawal.id])).get(withdrawal.id)).toEqual({ ...bank.account, account_number: NUMBER })
    })

    it("validates the account per method: no blank field, sane lengths and characters; changes nothing when refused", async () => {
      await setSettings(api, admin, { withdrawal_methods: ["bank_transfer", "alipay", "wechat", "paypal", "store_credit"] })
      const d = await fundedDistributor("picky@test.local", 100)
      const bad: [string, Record<string, unknown>][] = [
        ["bank_transfer", { account_name: " ", account_number: NUMBER, bank_name: "ICBC" }],
        ["bank_transfer", { account_name: "张三", account_number: "12 34", bank_name: "ICBC" }],
        ["bank_transfer", { account_name: "张三", account_number: "1".repeat(35), bank_name: "ICBC" }],
        ["bank_transfer", { account_name: "张三", account_number: "6222-0212-3456-789!", bank_name: "ICBC" }],
        ["bank_transfer", { account_name: "x".repeat(101), account_number: NUMBER, bank_name: "ICBC" }],
        ["bank_transfer", { account_name: "张三", account_number: NUMBER, bank_name: "ICBC", note: "extra" }],
        ["alipay", { account: "not a phone", name: "张三" }],
        ["alipay", { account: "13800138000", name: "" }],
        ["wechat", { account: "ab", name: "张三" }],
        ["paypal", { email: "nobody" }],
        ["paypal", {}],
      ]
      for (const [method, account] of bad) {
        const status = await statusOf(request(d.headers, { method, account, amount: 10, currency_code: "usd" }))
        expect([method, account, status]).toEqual([method, account, 400])
      }
      const storeCredit = await request(d.headers, { method: "store_credit", account: {}, amount: 10, currency_code: "usd" }).catch((e) => e.response)
      expect(storeCredit.status).toBe(400)
      expect(storeCredit.data.message).toBe(
        "Withdrawals as store credit require the loyalty plugin (@medusajs/loyalty-plugin), which this store does not run: choose another method"
      )
      expect(await rowsOf(getContainer(), "distribution_withdrawal", { distributor_id: d.distributor.id })).toEqual([])

      for (const [method, account, shown] of [
        ["alipay", { account: "13800138000", name: "张三" }, { account: "****8000", name: "张三" }],
        ["alipay", { account: "zs@alipay.cn", name: "张三" }, { account: "z***@alipay.cn", name: "张三" }],
        ["wechat", { account: "wxid_zhangsan01", name: "张三" }, { account: "****an01", name: "张三" }],
      ] as const) {
        expect((await request(d.headers, { method, account, amount: 10, currency_code: "usd" })).data.withdrawal.account).toEqual(shown)
      }
    })

    it("re-seals every account with the new current key after a rotation; the old key can then be retired", async () => {
      const k1 = randomBytes(32).toString("base64")
      const k2 = randomBytes(32).toString("base64")
      process.env[ACCOUNT_KEYS_ENV] = `k1:${k1}`
      const d = await fundedDistributor("rotated@test.local", 100)
      const first = (await request(d.headers, { ...bank, amount: 10 })).data.withdrawal
      const second = (await request(d.headers, { ...bank, amount: 20 })).data.withdrawal
      const before = await rowsOf(getContainer(), "distribution_withdrawal", { distributor_id: d.distributor.id })
      expect(before.map((r) => r.account_key_id)).toEqual(["k1", "k1"])

      process.env[ACCOUNT_KEYS_ENV] = `k2:${k2},k1:${k1}`
      expect(await service().rotateAccountKeys(1)).toBe(1)
      expect(await service().rotateAccountKeys()).toBe(1)
      expect(await service().rotateAccountKeys()).toBe(0)
      const after = await rowsOf(getContainer(), "distribution_withdrawal", { distributor_id: d.distributor.id })
      expect(after.map((r) => r.account_key_id)).toEqual(["k2", "k2"])
      expect(after[0].account_encrypted).toMatch(/^v1\.k2\./)
      expect(after[0].account).toEqual(before[0].account)

      process.env[ACCOUNT_KEYS_ENV] = `k2:${k2}`
      const opened = await service().openWithdrawalAccounts([first.id, second.id])
      expect(opened.get(first.id)).toEqual({ ...bank.account, account_number: NUMBER })
      expect(opened.get(second.id)).toEqual({ ...bank.account, account_number: NUMBER })
    })

    it("seals accounts stored in plaintext before encryption (the migration's step), and leaves sealed ones alone", async () => {
      const d = await fundedDistributor("legacy@test.local", 100)
      const sealed = (await request(d.headers, { ...bank, amount: 10 })).data.withdrawal
      const pg = pgOf(getContainer())
      await pg("distribution_withdrawal").insert({
        id: "dwd_legacy",
        distributor_id: d.distributor.id,
        currency_code: "usd",
        amount: 5,
        raw_amount: JSON.stringify({ value: "5", precision: 20 }),
        fee_amount: 0,
        raw_fee_amount: JSON.stringify({ value: "0", precision: 20 }),
        net_amount: 5,
        raw_net_amount: JSON.stringify({ value: "5", precision: 20 }),
        method: "bank_transfer",
        account: JSON.stringify({ account_name: "王五", account_number: NUMBER, bank_name: "建设银行" }),
        status: "requested",
      })
      const [sealedBefore] = await rowsOf(getContainer(), "distribution_withdrawal", { id: sealed.id })

      const done = await encryptPlaintextAccounts(async (sql, params) => (await pg.raw(sql, (params ?? []) as never[])).rows)
      expect(done).toBe(1)
      const [legacy] = await rowsOf(getContainer(), "distribution_withdrawal", { id: "dwd_legacy" })
      expect(JSON.stringify(legacy)).not.toContain("7896789")
      expect(legacy).toMatchObject({ account: { account_name: "王五", account_number: "****6789", bank_name: "建设银行" }, account_key_id: DEV_KEY_ID })
      expect((await service().openWithdrawalAccounts(["dwd_legacy"])).get("dwd_legacy")).toEqual({ account_name: "王五", account_number: NUMBER, bank_name: "建设银行" })
      expect((await rowsOf(getContainer(), "distribution_withdrawal", { id: sealed.id }))[0].account_encrypted).toBe(sealedBefore.account_encrypted)
    })
  },
})
