import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminUser, Headers, Seed, seedStore } from "../helpers/order-flow"
import { makeDistributor, setSettings } from "../helpers/distribution"
import { rowsOf } from "../helpers/db"
import { DISTRIBUTION_MODULE } from "../../src/modules/distribution"
import DistributionModuleService from "../../src/modules/distribution/service"

jest.setTimeout(180_000)

// The store without Medusa's loyalty plugin (medusa-config.ts loads it only with
// DISTRIBUTION_LOYALTY_PLUGIN=true): the method exists but cannot be paid, and says why.
// A suite of its own: a Medusa app boots once per file (wallet-store-credit.spec.ts boots with it).
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: Headers
    let seed: Seed

    beforeAll(async () => {
      admin = await createAdminUser(api, getContainer())
      seed = await seedStore(api, admin)
    })

    it("refuses store-credit withdrawals with a clear 400 and changes nothing", async () => {
      expect(getContainer().hasRegistration("store_credit")).toBe(false)
      await setSettings(api, admin, { withdrawal_methods: ["paypal", "store_credit"] })
      const d = await makeDistributor(api, admin, seed, "nocredit@test.local")
      await getContainer()
        .resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
        .createLedgerEntries({ distributor_id: d.distributor.id, currency_code: "usd", amount: 50, type: "settlement", reference_id: "dcom_nocredit" })

      const refused = await api
        .post("/store/distribution/me/withdrawals", { method: "store_credit", account: {}, amount: 20, currency_code: "usd" }, d.headers)
        .catch((e) => e.response)
      expect(refused.status).toBe(400)
      expect(refused.data.message).toBe(
        "Withdrawals as store credit require the loyalty plugin (@medusajs/loyalty-plugin), which this store does not run: choose another method"
      )
      expect(await rowsOf(getContainer(), "distribution_withdrawal", { distributor_id: d.distributor.id })).toEqual([])
      expect((await api.get("/store/distribution/me", d.headers)).data.balances[0].available).toBe(50)
    })
  },
})
