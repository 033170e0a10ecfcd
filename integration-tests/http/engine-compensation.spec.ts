/**
 * Every write step's compensation: a later step fails on purpose, the state is whole
 * afterwards, and a retry finishes the job. Failures come from the real extension points a
 * store would use — a workflow hook that throws — or from the database itself refusing a
 * write (a trigger), as a full disk or a lost connection would; nothing of Medusa is mocked.
 */
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { capturePayment, createAdminUser, Headers, placeOrder, registerCustomer, Seed, seedStore } from "../helpers/order-flow"
import { boundBuyer, makeDistributor, setSettings, statusOf, waitForOrderView } from "../helpers/distribution"
import { failInsertsInto, pgOf, rowsOf } from "../helpers/db"
import { syncOrderCommissionsWorkflow } from "../../src/workflows/commission/workflows/sync-order-commissions"
import { enrollDistributorWorkflow } from "../../src/workflows/distributor/workflows/enroll-distributor"
import { changeDistributorStatusWorkflow } from "../../src/workflows/distributor/workflows/change-distributor-status"
import { changeDistributorParentWorkflow } from "../../src/workflows/distributor/workflows/change-distributor-parent"
import { bindCustomerWorkflow } from "../../src/workflows/binding/workflows/bind-customer"
import { requestWithdrawalWorkflow } from "../../src/workflows/withdrawal/workflows/request-withdrawal"
import { changeSettingsWorkflow } from "../../src/workflows/settings/workflows/change-settings"
import { saveCommissionTermsWorkflow, SaveCommissionTermsWorkflowInput } from "../../src/workflows/terms/workflows/save-commission-terms"
import { DISTRIBUTION_MODULE } from "../../src/modules/distribution"
import DistributionModuleService from "../../src/modules/distribution/service"

jest.setTimeout(240_000)

/** Which hooks throw now. Handlers are registered once per workflow (Medusa allows one per hook). */
const failing = new Set<string>()
const failIf = (hook: string) => async () => {
  if (failing.has(hook)) throw new Error(`${hook} refused (test)`)
}
enrollDistributorWorkflow.hooks.distributorEnrolled(failIf("distributorEnrolled"))
changeDistributorStatusWorkflow.hooks.distributorStatusChanged(failIf("distributorStatusChanged"))
changeDistributorParentWorkflow.hooks.distributorParentChanged(failIf("distributorParentChanged"))
bindCustomerWorkflow.hooks.customerBound(failIf("customerBound"))
requestWithdrawalWorkflow.hooks.withdrawalRequested(failIf("withdrawalRequested"))
changeSettingsWorkflow.hooks.settingsChanged(failIf("settingsChanged"))
saveCommissionTermsWorkflow.hooks.commissionTermsSaved(failIf("commissionTermsSaved"))

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: Headers
    let seed: Seed

    beforeAll(async () => {
      admin = await createAdminUser(api, getContainer())
      seed = await seedStore(api, admin)
    })
    afterEach(() => failing.clear())

    const service = () => getContainer().resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
    const rows = (table: string, where: Record<string, unknown> = {}) => rowsOf(getContainer(), table, where)
    /** The message a workflow run failed with (Medusa rejects with a serialised error, not an Error instance). */
    async function failureOf(run: Promise<unknown>): Promise<string> {
      try {
        await run
      } catch (error) {
        return String((error as { message?: string }).message ?? error)
      }
      throw new Error("expected the run to fail")
    }
    /** Runs `fn` with `hook` throwing; returns the error it failed with. */
    async function withFailing<T>(hook: string, fn: () => Promise<T>) {
      failing.add(hook)
      try {
        await fn()
      } catch (error) {
        return error as Error
      } finally {
        failing.delete(hook)
      }
      throw new Error(`expected ${hook} to make it fail`)
    }

    it("create-distributor: a later failure removes the new distributor and its place in the tree; the retry enrolls", async () => {
      const parent = await makeDistributor(api, admin, seed, "parent@test.local")
      const { customer } = await registerCustomer(api, seed.storeHeaders, "new@test.local")
      const enroll = () =>
        enrollDistributorWorkflow(getContainer()).run({ input: { customer_id: customer.id, by: "admin", parent_id: parent.distributor.id } })

      const error = await withFailing("distributorEnrolled", enroll)
      expect(error.message).toContain("distributorEnrolled refused")
      expect(await rows("distribution_distributor", { customer_id: customer.id })).toEqual([])
      expect(await rows("distribution_team_path", { ancestor_id: parent.distributor.id })).toEqual([])

      const { result } = await enroll()
      expect(result).toMatchObject({ customer_id: customer.id, status: "active", parent_id: parent.distributor.id })
      expect((await rows("distribution_team_path", { descendant_id: result.id })).map((p) => [p.ancestor_id, p.depth])).toEqual([
        [parent.distributor.id, 1],
      ])
    })

    it("create-distributor: the distributor and its place in the tree are one write — no orphan when the tree refuses", async () => {
      const parent = await makeDistributor(api, admin, seed, "parent@test.local")
      const { customer } = await registerCustomer(api, seed.storeHeaders, "orphan@test.local")
      const restore = await failInsertsInto(getContainer(), "distribution_team_path")
      const status = await statusOf(
        api.post("/admin/distribution/distributors", { customer_id: customer.id, parent_id: parent.distributor.id }, admin)
      )
      await restore()
      expect(status).toBeGreaterThanOrEqual(400)
      expect(await rows("distribution_distributor", { customer_id: customer.id })).toEqual([])
      const { distributor } = (
        await api.post("/admin/distribution/distributors", { customer_id: customer.id, parent_id: parent.distributor.id }, admin)
      ).data
      expect(distributor.parent_id).toBe(parent.distributor.id)
    })

    it("change-distributor-status: a later failure puts the previous status back", async () => {
      await setSettings(api, admin, { enrollment_mode: "approval" })
      const { headers } = await registerCustomer(api, seed.storeHeaders, "applicant@test.local")
      const { distributor } = (await api.post("/store/distribution/apply", {}, headers)).data
      const approve = () => changeDistributorStatusWorkflow(getContainer()).run({ input: { id: distributor.id, action: "approve" } })

      await withFailing("distributorStatusChanged", approve)
      expect(await service().retrieveDistributor(distributor.id)).toMatchObject({ status: "pending", approved_at: null })
      await approve()
      expect((await service().retrieveDistributor(distributor.id)).status).toBe("active")
    })

    it("set-distributor-parent: a later failure moves the distributor and its team back", async () => {
      const [a, b, c] = [
        await makeDistributor(api, admin, seed, "a@test.local"),
        await makeDistributor(api, admin, seed, "b@test.local"),
        await makeDistributor(api, admin, seed, "c@test.local"),
      ]
      await api.post(`/admin/distribution/distributors/${c.distributor.id}/parent`, { parent_id: b.distributor.id }, admin)
      const paths = async () => (await rows("distribution_team_path")).map((p) => [p.ancestor_id, p.descendant_id, p.depth]).sort()
      const before = await paths()
      const move = () => changeDistributorParentWorkflow(getContainer()).run({ input: { id: b.distributor.id, parent_id: a.distributor.id } })

      await withFailing("distributorParentChanged", move)
      expect((await service().retrieveDistributor(b.distributor.id)).parent_id).toBeNull()
      expect(await paths()).toEqual(before)
      await move()
      expect(await service().listUplineIds(c.distributor.id)).toEqual([b.distributor.id, a.distributor.id])
    })

    it("bind-customer: a later failure restores the binding, and the parent it gave; the retry binds", async () => {
      await setSettings(api, admin, { binding_policy: "override", enrollment_mode: "open" })
      const first = await makeDistributor(api, admin, seed, "first@test.local")
      const second = await makeDistributor(api, admin, seed, "second@test.local")
      const buyer = await boundBuyer(api, seed, "buyer@test.local", first.distributor.code)
      const bind = () => bindCustomerWorkflow(getContainer()).run({ input: { customer_id: buyer.customer.id, code: second.distributor.code, source: "code" } })

      await withFailing("customerBound", bind)
      expect((await rows("distribution_binding", { customer_id: buyer.customer.id })).map((b) => b.distributor_id)).toEqual([first.distributor.id])

      // A distributor without a parent: binding gives them one, and undoing the binding takes it away.
      const { customer, headers } = await registerCustomer(api, seed.storeHeaders, "lone@test.local")
      const { distributor: lone } = (await api.post("/store/distribution/apply", {}, headers)).data
      expect(lone.parent_id).toBeNull()
      const bindLone = () => bindCustomerWorkflow(getContainer()).run({ input: { customer_id: customer.id, code: second.distributor.code, source: "code" } })
      await withFailing("customerBound", bindLone)
      expect(await rows("distribution_binding", { customer_id: customer.id })).toEqual([])
      expect((await service().retrieveDistributor(lone.id)).parent_id).toBeNull()
      expect(await rows("distribution_team_path", { descendant_id: lone.id })).toEqual([])

      await bind()
      await bindLone()
      expect((await rows("distribution_binding", { customer_id: buyer.customer.id })).map((b) => b.distributor_id)).toEqual([second.distributor.id])
      expect((await service().retrieveDistributor(lone.id)).parent_id).toBe(second.distributor.id)
    })

    it("request-withdrawal: a later failure fails the request and gives the money back, once", async () => {
      const d = await makeDistributor(api, admin, seed, "payee@test.local")
      await service().createLedgerEntries({ distributor_id: d.distributor.id, currency_code: "usd", amount: 100, type: "settlement", reference_id: "dcom_seed" })
      const request = () =>
        requestWithdrawalWorkflow(getContainer()).run({
          input: { customer_id: d.customer.id, amount: 60, currency_code: "usd", method: "paypal", account: { email: "payee@test.local" } },
        })

      await withFailing("withdrawalRequested", request)
      const [failed] = await rows("distribution_withdrawal", { distributor_id: d.distributor.id })
      expect(failed).toMatchObject({ status: "failed" })
      const { balances } = (await api.get("/store/distribution/me", d.headers)).data
      expect(balances).toEqual([{ currency_code: "usd", pending: 0, frozen: 0, available: 100, withdrawn: 0 }])

      await request()
      expect((await api.get("/store/distribution/me", d.headers)).data.balances[0].available).toBe(40)
      expect((await rows("distribution_ledger_entry", { distributor_id: d.distributor.id })).map((e) => [e.type, Number(e.amount)])).toEqual([
        ["settlement", 100],
        ["withdrawal", -60],
        ["withdrawal_reversal", 60],
        ["withdrawal", -60],
      ])
    })

    it("change-settings: a later failure puts the previous values back and records the undo", async () => {
      const change = () => changeSettingsWorkflow(getContainer()).run({ input: { patch: { freeze_days: 3 }, actor_id: "user_test" } })
      await withFailing("settingsChanged", change)
      expect((await service().getSettings()).freeze_days).toBe(7)
      await change()
      expect((await service().getSettings()).freeze_days).toBe(3)
    })

    it("sync: the first sync writes the attribution, the buyer's binding and the commissions together, or none of them", async () => {
      const container = getContainer()
      const d = await makeDistributor(api, admin, seed, "sharer@test.local")
      const { customer, headers } = await registerCustomer(api, seed.storeHeaders, "shopper@test.local")

      const order = await placeOrder(api, {
        seed,
        customerHeaders: headers,
        items: [{ variant_id: seed.variants.A, quantity: 1 }],
        cartMetadata: { distribution_code: d.distributor.code },
      })
      await waitForOrderView(api, admin, order.id, (v) => v.commissions.length === 1)
      // Forget that first sync, as if its event had been lost, then let the database refuse the commission.
      const pg = pgOf(container)
      await pg("distribution_commission").where({ order_id: order.id }).delete()
      await pg("distribution_order_attribution").where({ order_id: order.id }).delete()
      await pg("distribution_binding").where({ customer_id: customer.id }).delete()
      const restore = await failInsertsInto(container, "distribution_commission")
      expect(await failureOf(syncOrderCommissionsWorkflow(container).run({ input: { order_id: order.id, reason: "test" } }))).toContain(
        "injected failure"
      )
      expect(await rows("distribution_order_attribution", { order_id: order.id })).toEqual([])
      expect(await rows("distribution_binding", { customer_id: customer.id })).toEqual([])
      await restore()

      // The retry decides from the state, so it binds the buyer and pays the code's owner.
      await syncOrderCommissionsWorkflow(container).run({ input: { order_id: order.id, reason: "retry" } })
      const view = await waitForOrderView(api, admin, order.id, (v) => v.commissions.length === 1)
      expect(view.attribution).toEqual({ distributor_id: d.distributor.id, code: d.distributor.code, source: "cart_code" })
      expect((await rows("distribution_binding", { customer_id: customer.id })).map((b) => [b.distributor_id, b.source])).toEqual([
        [d.distributor.id, "order"],
      ])
    })

    it("sync: enrolling the buyer after a first order is undone when the commissions can't be written; the retry does both", async () => {
      const container = getContainer()
      await setSettings(api, admin, { settlement_trigger: "captured" })
      const d = await makeDistributor(api, admin, seed, "up@test.local")
      const buyer = await boundBuyer(api, seed, "first-order@test.local", d.distributor.code)
      const order = await placeOrder(api, { seed, customerHeaders: buyer.headers, items: [{ variant_id: seed.variants.B, quantity: 1 }] })
      await waitForOrderView(api, admin, order.id, (v) => v.commissions.length === 1)
      await capturePayment(api, admin, order.id)
      await waitForOrderView(api, admin, order.id, (v) => v.commissions[0].status === "frozen")

      // Switched to after_first_order now (a settings change syncs nothing): the next sync of
      // this captured order enrolls the buyer. Its commission row is gone, so the sync must
      // write one — and the database refuses.
      await setSettings(api, admin, { enrollment_mode: "after_first_order" })
      await pgOf(container)("distribution_commission").where({ order_id: order.id }).delete()
      const restore = await failInsertsInto(container, "distribution_commission")
      expect(await failureOf(syncOrderCommissionsWorkflow(container).run({ input: { order_id: order.id, reason: "test" } }))).toContain(
        "injected failure"
      )
      expect(await rows("distribution_distributor", { customer_id: buyer.customer.id })).toEqual([])
      expect(await rows("distribution_team_path", { ancestor_id: d.distributor.id })).toEqual([])
      await restore()

      await syncOrderCommissionsWorkflow(container).run({ input: { order_id: order.id, reason: "retry" } })
      const [enrolled] = await rows("distribution_distributor", { customer_id: buyer.customer.id })
      expect(enrolled).toMatchObject({ status: "active", parent_id: d.distributor.id })
      expect((await waitForOrderView(api, admin, order.id, (v) => v.commissions.length === 1)).commissions[0]).toMatchObject({
        status: "frozen",
        amount: 5,
      })
    })

    it("write-commission-terms: a later failure undoes a created, an updated and a deleted grade; the retries save", async () => {
      const save = (change: SaveCommissionTermsWorkflowInput) => saveCommissionTermsWorkflow(getContainer()).run({ input: change })
      const grades = async () => (await rows("distribution_grade")).map((g) => [g.id, g.name, g.rank, g.level_rates.map(Number)])

      await withFailing("commissionTermsSaved", () => save({ entity: "grade", action: "create", data: { name: "Silver", rank: 1, level_rates: [0.12] } }))
      expect(await grades()).toEqual([])
      const { result: silver } = await save({ entity: "grade", action: "create", data: { name: "Silver", rank: 1, level_rates: [0.12] } })
      const saved = [[silver!.id, "Silver", 1, [0.12]]]
      expect(await grades()).toEqual(saved)

      await withFailing("commissionTermsSaved", () => save({ entity: "grade", action: "update", id: silver!.id, data: { name: "Gold", level_rates: [0.15] } }))
      expect(await grades()).toEqual(saved)
      await withFailing("commissionTermsSaved", () => save({ entity: "grade", action: "delete", id: silver!.id }))
      expect(await grades()).toEqual(saved)

      await save({ entity: "grade", action: "update", id: silver!.id, data: { name: "Gold", level_rates: [0.15] } })
      expect(await grades()).toEqual([[silver!.id, "Gold", 1, [0.15]]])
      await save({ entity: "grade", action: "delete", id: silver!.id })
      expect(await grades()).toEqual([])
    })
  },
})
