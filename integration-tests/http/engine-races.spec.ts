/**
 * Every lock of the engine, each with a race it decides (DESIGN §3 "Scale-out"). Each test
 * names the guard it proves; removing that guard makes the test fail (see the README's
 * "Proven guards" table for the runs that showed it).
 *
 * Concurrency needs real overlap: the pool is warmed first, and where a race window is too
 * narrow to hit by chance, the test holds a database lock itself and waits until the
 * engine is seen waiting on it, so the interleaving is the one that matters, every time.
 */
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { MathBN } from "@medusajs/framework/utils"
import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { capturePayment, createAdminUser, Headers, placeOrder, refundPayment, registerCustomer, Seed, seedStore } from "../helpers/order-flow"
import { boundBuyer, makeDistributor, orderView, setSettings, statusOf, waitForOrderView } from "../helpers/distribution"
import { pgOf, rowsOf, waitForLockWaiters, warmPool } from "../helpers/db"
import { syncOrderCommissionsWorkflow } from "../../src/workflows/commission/workflows/sync-order-commissions"
import { enrollDistributorWorkflow } from "../../src/workflows/distributor/workflows/enroll-distributor"
import { loadOrderSyncStateStep } from "../../src/workflows/commission/steps/load-order-sync-state"
import { planOrderCommissionsStep } from "../../src/workflows/commission/steps/plan-order-commissions"
import { applyOrderCommissionsStep } from "../../src/workflows/commission/steps/apply-order-commissions"
import { DISTRIBUTION_MODULE } from "../../src/modules/distribution"
import DistributionModuleService from "../../src/modules/distribution/service"

jest.setTimeout(240_000)

/**
 * The sync as a second worker runs it: Medusa's default locking provider lives in one
 * process, so another worker's order lock doesn't hold this one back; only the row locks do.
 */
const syncFromAnotherWorker = createWorkflow("test-sync-from-another-worker", (input: { order_id: string }) => {
  const state = loadOrderSyncStateStep({ order_id: input.order_id })
  const plan = planOrderCommissionsStep(state)
  return new WorkflowResponse(applyOrderCommissionsStep({ state, plan, reason: "other-worker" }))
})

type Transactional = { baseRepository_: { transaction<T>(task: (manager: unknown) => Promise<T>): Promise<T> } }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: Headers
    let seed: Seed

    beforeAll(async () => {
      admin = await createAdminUser(api, getContainer())
      seed = await seedStore(api, admin)
    })

    const service = () => getContainer().resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
    const ledger = async (distributorId: string) =>
      (await rowsOf(getContainer(), "distribution_ledger_entry", { distributor_id: distributorId })).map((e) => [e.type, Number(e.amount)])

    /** A bound buyer's order of product A (100): 10 % → a commission of 10 for the distributor, frozen once captured. */
    async function capturedOrder(email: string) {
      await setSettings(api, admin, { settlement_trigger: "captured", freeze_days: 0 })
      const d = await makeDistributor(api, admin, seed, `${email}-d@test.local`)
      const buyer = await boundBuyer(api, seed, `${email}@test.local`, d.distributor.code)
      const order = await placeOrder(api, { seed, customerHeaders: buyer.headers, items: [{ variant_id: seed.variants.A, quantity: 1 }] })
      await waitForOrderView(api, admin, order.id, (v) => v.commissions.length === 1)
      await capturePayment(api, admin, order.id)
      await waitForOrderView(api, admin, order.id, (v) => v.commissions[0].status === "frozen")
      return { d, buyer, order }
    }

    it("per-order lock: concurrent first syncs of one order all succeed, freezing one attribution and each commission once", async () => {
      const container = getContainer()
      const top = await makeDistributor(api, admin, seed, "top@test.local")
      const child = await makeDistributor(api, admin, seed, "child@test.local", top.distributor.id)
      const buyer = await boundBuyer(api, seed, "buyer@test.local", child.distributor.code)
      const order = await placeOrder(api, { seed, customerHeaders: buyer.headers, items: [{ variant_id: seed.variants.C, quantity: 3 }] })
      await waitForOrderView(api, admin, order.id, (v) => v.commissions.length === 2)
      // Forget the first sync, as if its event had been lost.
      const pg = pgOf(container)
      await pg("distribution_commission").where({ order_id: order.id }).delete()
      await pg("distribution_order_attribution").where({ order_id: order.id }).delete()

      await warmPool(container)
      const runs = await Promise.allSettled(
        Array.from({ length: 4 }, (_, i) =>
          syncOrderCommissionsWorkflow(container).run({ input: { order_id: order.id, reason: `race-${i}` } })
        )
      )
      expect(runs.map((r) => (r.status === "rejected" ? String(r.reason) : "ok"))).toEqual(["ok", "ok", "ok", "ok"])
      expect(await rowsOf(container, "distribution_order_attribution", { order_id: order.id })).toHaveLength(1)
      const view = await orderView(api, admin, order.id)
      expect(view.commissions.map((c) => [c.level, c.amount, c.adjustments.length])).toEqual([
        [1, 9, 0],
        [2, 4.5, 0],
      ])
      const created = runs.flatMap((r) => (r.status === "fulfilled" ? r.value.result.created : []))
      expect(created).toHaveLength(2)
    })

    it("per-order lock and commission row locks: different syncs of one settled order at once claw back once", async () => {
      const container = getContainer()
      const { d, order } = await capturedOrder("settled")
      expect((await api.post("/admin/distribution/commissions/settle", {}, admin)).data).toEqual({ settled: 1 })
      // A goodwill refund of 50 on goods of 100: the kept base is 50, the commission 5, and 5 is clawed back.
      await refundPayment(api, admin, order.id, 50)

      await warmPool(container)
      await Promise.all(
        ["payment.refunded", "reconciliation", "order.updated", "manual", "sync"].map((reason) =>
          syncOrderCommissionsWorkflow(container).run({ input: { order_id: order.id, reason } })
        )
      )
      await waitForOrderView(api, admin, order.id, (v) => v.commissions[0].amount === 5)
      expect(await ledger(d.distributor.id)).toEqual([
        ["settlement", 10],
        ["clawback", -5],
      ])
      const [commission] = (await orderView(api, admin, order.id)).commissions
      expect(commission).toMatchObject({ status: "settled", amount: 5, reversed_amount: 5 })
      expect(commission.adjustments.map((a) => a.amount)).toEqual([-5])
    })

    it("commission row lock: a sync that meets a settlement in progress waits, then claws back what was settled", async () => {
      const container = getContainer()
      const { d, order } = await capturedOrder("meets-settlement")
      const repository = (service() as unknown as Transactional).baseRepository_

      // The settlement job, caught in the middle of its transaction: the row is settled and
      // credited but not committed when the refund's sync arrives.
      await repository.transaction(async (manager) => {
        const settled = await service().settleMaturedCommissions({}, { transactionManager: manager })
        expect(settled).toHaveLength(1)
        await refundPayment(api, admin, order.id, 50) // its sync now runs, and must wait for this transaction
        await waitForLockWaiters(container)
      })

      await waitForOrderView(api, admin, order.id, (v) => v.commissions[0].amount === 5)
      expect(await ledger(d.distributor.id)).toEqual([
        ["settlement", 10],
        ["clawback", -5],
      ])
      expect((await orderView(api, admin, order.id)).commissions[0]).toMatchObject({ status: "settled", reversed_amount: 5 })
      // Nothing is left to settle twice.
      expect((await api.post("/admin/distribution/commissions/settle", {}, admin)).data).toEqual({ settled: 0 })
    })

    it("distributor unique key: a buyer's two orders settling at once enroll them once (after_first_order)", async () => {
      const container = getContainer()
      await setSettings(api, admin, { enrollment_mode: "after_first_order" })
      const buyer = await boundBuyer(api, seed, "twice@test.local", (await makeDistributor(api, admin, seed, "up@test.local")).distributor.code)
      await warmPool(container)
      const runs = await Promise.all(
        Array.from({ length: 4 }, () =>
          enrollDistributorWorkflow(container).run({ input: { customer_id: buyer.customer.id, by: "first_order" } })
        )
      )
      const ids = new Set(runs.map((r) => r.result.id))
      expect(ids.size).toBe(1)
      expect(await rowsOf(container, "distribution_distributor", { customer_id: buyer.customer.id })).toHaveLength(1)
      // Placed under the distributor they are bound to, once.
      expect(await rowsOf(container, "distribution_team_path", { descendant_id: [...ids][0] })).toHaveLength(1)
    })

    it("team-tree lock: crossed moves at once never make a cycle", async () => {
      const container = getContainer()
      const pairs = await Promise.all(
        Array.from({ length: 6 }, async (_, i) => [
          await makeDistributor(api, admin, seed, `x${i}@test.local`),
          await makeDistributor(api, admin, seed, `y${i}@test.local`),
        ])
      )
      await warmPool(container)
      const moves = await Promise.all(
        pairs.flatMap(([x, y]) => [
          statusOf(api.post(`/admin/distribution/distributors/${x.distributor.id}/parent`, { parent_id: y.distributor.id }, admin)),
          statusOf(api.post(`/admin/distribution/distributors/${y.distributor.id}/parent`, { parent_id: x.distributor.id }, admin)),
        ])
      )
      // In every pair exactly one move wins; the other is refused as a cycle.
      for (let i = 0; i < pairs.length; i++) expect([moves[2 * i], moves[2 * i + 1]].sort()).toEqual([200, 400])
      for (const [x, y] of pairs) {
        const [px, py] = await Promise.all([x, y].map(async (p) => (await service().retrieveDistributor(p.distributor.id)).parent_id))
        expect([px === y.distributor.id, py === x.distributor.id].filter(Boolean)).toHaveLength(1)
      }
    })

    it("wallet account lock: 20 concurrent withdrawals never overdraw", async () => {
      const container = getContainer()
      const d = await makeDistributor(api, admin, seed, "payee@test.local")
      await service().createLedgerEntries({ distributor_id: d.distributor.id, currency_code: "usd", amount: 100, type: "settlement", reference_id: "dcom_seed" })
      await warmPool(container, 20)
      const statuses = await Promise.all(
        Array.from({ length: 20 }, () =>
          statusOf(
            api.post(
              "/store/distribution/me/withdrawals",
              { amount: 40, currency_code: "usd", method: "paypal", account: { email: "payee@test.local" } },
              d.headers
            )
          )
        )
      )
      expect(statuses.filter((s) => s === 200)).toHaveLength(2)
      expect(statuses.filter((s) => s !== 200).every((s) => s === 400)).toBe(true)
      const { balances } = (await api.get("/store/distribution/me", d.headers)).data
      expect(balances).toEqual([{ currency_code: "usd", pending: 0, frozen: 0, available: 20, withdrawn: 0 }])
      const entries = await rowsOf(container, "distribution_ledger_entry", { distributor_id: d.distributor.id })
      expect(MathBN.sum(...entries.map((e) => e.amount as string)).toNumber()).toBe(20)
    })

    it("withdrawal row lock: paying and rejecting the same withdrawal at once do one of them, never both", async () => {
      const container = getContainer()
      const d = await makeDistributor(api, admin, seed, "payout@test.local")
      await service().createLedgerEntries({ distributor_id: d.distributor.id, currency_code: "usd", amount: 100, type: "settlement", reference_id: "dcom_seed2" })
      const ids: string[] = []
      for (let i = 0; i < 4; i++) {
        const { withdrawal } = (
          await api.post("/store/distribution/me/withdrawals", { amount: 10, currency_code: "usd", method: "paypal", account: { email: "p@test.local" } }, d.headers)
        ).data
        await api.post(`/admin/distribution/withdrawals/${withdrawal.id}/approve`, {}, admin)
        ids.push(withdrawal.id)
      }
      await warmPool(container)
      const outcomes = await Promise.all(
        ids.map(async (id) => {
          const [paid, rejected, paidAgain] = await Promise.all([
            statusOf(api.post(`/admin/distribution/withdrawals/${id}/mark-paid`, { reference: `REF-${id}` }, admin)),
            statusOf(api.post(`/admin/distribution/withdrawals/${id}/reject`, { reason: "duplicate" }, admin)),
            statusOf(api.post(`/admin/distribution/withdrawals/${id}/mark-paid`, { reference: `REF2-${id}` }, admin)),
          ])
          return [paid, rejected, paidAgain].filter((s) => s === 200).length
        })
      )
      expect(outcomes).toEqual([1, 1, 1, 1])
      const rows = await rowsOf(container, "distribution_withdrawal", { distributor_id: d.distributor.id })
      const reversals = await rowsOf(container, "distribution_ledger_entry", { distributor_id: d.distributor.id, type: "withdrawal_reversal" })
      // Money came back exactly for the rejected ones, and no paid one was refunded.
      expect(reversals.map((r) => r.reference_id).sort()).toEqual(rows.filter((w) => w.status === "rejected").map((w) => w.id).sort())
      expect(rows.every((w) => w.status === "paid" || w.status === "rejected")).toBe(true)
    })

    it("attribution row lock: syncs of one order from two workers (whose order locks don't see each other) write each commission once", async () => {
      const container = getContainer()
      const top = await makeDistributor(api, admin, seed, "w-top@test.local")
      const child = await makeDistributor(api, admin, seed, "w-child@test.local", top.distributor.id)
      const buyer = await boundBuyer(api, seed, "w-buyer@test.local", child.distributor.code)
      const order = await placeOrder(api, { seed, customerHeaders: buyer.headers, items: [{ variant_id: seed.variants.C, quantity: 3 }] })
      await waitForOrderView(api, admin, order.id, (v) => v.commissions.length === 2)
      // The attribution stays; the commissions are gone, as if their write had been lost.
      const pg = pgOf(container)
      await pg("distribution_commission").where({ order_id: order.id }).delete()

      // Every sync is held at its first lock on the commission rows, then all are let go at once.
      await warmPool(container)
      let runs: Promise<PromiseSettledResult<{ result: { created: string[] } }>[]> = Promise.resolve([])
      await pg.transaction(async (trx) => {
        await trx.raw("LOCK TABLE distribution_commission IN EXCLUSIVE MODE")
        runs = Promise.allSettled(Array.from({ length: 4 }, () => syncFromAnotherWorker(container).run({ input: { order_id: order.id } })))
        await waitForLockWaiters(container, 4)
      })
      const settled = await runs
      expect(settled.map((r) => (r.status === "rejected" ? String((r.reason as { message?: string }).message ?? r.reason) : "ok"))).toEqual([
        "ok",
        "ok",
        "ok",
        "ok",
      ])
      const view = await orderView(api, admin, order.id)
      expect(view.commissions.map((c) => [c.level, c.amount, c.adjustments.length])).toEqual([
        [1, 9, 0],
        [2, 4.5, 0],
      ])
      expect(settled.flatMap((r) => (r.status === "fulfilled" ? r.value.result.created : []))).toHaveLength(2)
    })

    it("binding unique key: a customer's binds to four codes at once leave one binding", async () => {
      const container = getContainer()
      const owners = [
        await makeDistributor(api, admin, seed, "b1@test.local"),
        await makeDistributor(api, admin, seed, "b2@test.local"),
        await makeDistributor(api, admin, seed, "b3@test.local"),
        await makeDistributor(api, admin, seed, "b4@test.local"),
      ]
      const { customer, headers } = await registerCustomer(api, seed.storeHeaders, "b-many@test.local")
      // All four find no binding, then queue to write theirs behind a lock the test holds.
      await warmPool(container)
      let binds: Promise<number[]> = Promise.resolve([])
      await pgOf(container).transaction(async (trx) => {
        await trx.raw("LOCK TABLE distribution_binding IN SHARE ROW EXCLUSIVE MODE")
        binds = Promise.all(owners.map((o) => statusOf(api.post("/store/distribution/bind", { code: o.distributor.code }, headers))))
        await waitForLockWaiters(container, 4)
      })
      const statuses = await binds
      const bindings = await rowsOf(container, "distribution_binding", { customer_id: customer.id })
      expect(bindings).toHaveLength(1)
      expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(1)
      expect(statuses.every((s) => s < 500)).toBe(true)
    })
  },
})
