import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import {
  capturePayment,
  cancelOrder,
  completeOrder,
  createAdminUser,
  createFulfillment,
  markDelivered,
  recordEvents,
  createPromotion,
  Headers,
  placeOrder,
  refundPayment,
  registerCustomer,
  returnItems,
  Seed,
  seedStore,
} from "../helpers/order-flow"
import { boundBuyer, byLevel, makeDistributor, orderView, setSettings, statusOf, waitForOrderView } from "../helpers/distribution"
import { syncOrderCommissionsWorkflow } from "../../src/workflows/commission/workflows/sync-order-commissions"
import { DISTRIBUTION_MODULE } from "../../src/modules/distribution"
import DistributionModuleService from "../../src/modules/distribution/service"
import reconcileRecentOrdersJob, { sweep } from "../../src/jobs/reconcile-recent-orders"

jest.setTimeout(180_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: Headers
    let seed: Seed

    beforeAll(async () => {
      admin = await createAdminUser(api, getContainer())
      seed = await seedStore(api, admin)
      await createPromotion(api, admin, { code: "TEN", percent: 10 })
    })

    const ledger = (distributorId: string) =>
      getContainer()
        .resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
        .listLedgerEntries({ distributor_id: distributorId }, { order: { created_at: "ASC" } })

    it("pays a two-level chain on a multi-item order after its discount, with lines that sum to each total", async () => {
      const top = await makeDistributor(api, admin, seed, "top@test.local")
      const child = await makeDistributor(api, admin, seed, "child@test.local", top.distributor.id)
      const buyer = await boundBuyer(api, seed, "buyer@test.local", child.distributor.code)

      const order = await placeOrder(api, {
        seed,
        customerHeaders: buyer.headers,
        items: [
          { variant_id: seed.variants.A, quantity: 1 },
          { variant_id: seed.variants.B, quantity: 2 },
        ],
        promoCode: "TEN",
      })
      const view = await waitForOrderView(api, admin, order.id, (v) => v.commissions.length === 2)
      const levels = byLevel(view)

      expect(view.attribution).toEqual({ distributor_id: child.distributor.id, code: child.distributor.code, source: "binding" })
      // Goods after the 10% discount: A 90 + B 2 × 45 = 180; shipping (10) is not commissionable.
      expect(levels[1]).toMatchObject({ distributor_id: child.distributor.id, status: "pending", amount: 18, reversed_amount: 0 })
      expect(levels[2]).toMatchObject({ distributor_id: top.distributor.id, status: "pending", amount: 9 })
      const lineA = levels[1].lines.find((l) => l.product_id === seed.productIds.A)!
      const lineB = levels[1].lines.find((l) => l.product_id === seed.productIds.B)!
      expect(lineA).toMatchObject({ quantity: 1, base: 90, rate: 0.1, amount: 9, source: "level_rate" })
      expect(lineB).toMatchObject({ quantity: 2, base: 90, rate: 0.1, amount: 9, source: "level_rate" })
      expect(levels[2].lines.map((l) => l.amount).sort()).toEqual([4.5, 4.5])

      const me = (await api.get("/store/distribution/me", child.headers)).data
      expect(me.balances).toEqual([{ currency_code: "usd", pending: 18, frozen: 0, available: 0, withdrawn: 0 }])
    })

    it("never pays more than three levels, and only max_levels of them", async () => {
      await setSettings(api, admin, { max_levels: 3, level_rates: [0.1, 0.05, 0.02] })
      const d1 = await makeDistributor(api, admin, seed, "d1@test.local")
      const d2 = await makeDistributor(api, admin, seed, "d2@test.local", d1.distributor.id)
      const d3 = await makeDistributor(api, admin, seed, "d3@test.local", d2.distributor.id)
      const d4 = await makeDistributor(api, admin, seed, "d4@test.local", d3.distributor.id)
      const buyer = await boundBuyer(api, seed, "deep@test.local", d4.distributor.code)

      const first = await placeOrder(api, { seed, customerHeaders: buyer.headers, items: [{ variant_id: seed.variants.A, quantity: 1 }] })
      const deep = byLevel(await waitForOrderView(api, admin, first.id, (v) => v.commissions.length === 3))
      expect([deep[1].distributor_id, deep[2].distributor_id, deep[3].distributor_id]).toEqual([
        d4.distributor.id,
        d3.distributor.id,
        d2.distributor.id,
      ])
      expect([deep[1].amount, deep[2].amount, deep[3].amount]).toEqual([10, 5, 2])

      expect(await statusOf(api.post("/admin/distribution/settings", { max_levels: 4 }, admin))).toBe(400)
      expect(await statusOf(api.post("/admin/distribution/settings", { level_rates: [0.1, 0.05, 0.02, 0.01] }, admin))).toBe(400)

      await setSettings(api, admin, { max_levels: 2 })
      const second = await placeOrder(api, { seed, customerHeaders: buyer.headers, items: [{ variant_id: seed.variants.A, quantity: 1 }] })
      const view = await waitForOrderView(api, admin, second.id, (v) => v.commissions.length >= 2)
      expect(view.commissions.map((c) => [c.level, c.amount])).toEqual([
        [1, 10],
        [2, 5],
      ])
      const settings = (await api.get("/admin/distribution/settings", admin)).data
      expect(settings.settings.max_levels).toBe(2)
      expect(settings.changes[0].changes).toEqual({ max_levels: { from: 3, to: 2 } })
    })

    it("keeps an active distributor in their own chain: parent is level 1, or themselves with self_purchase", async () => {
      const top = await makeDistributor(api, admin, seed, "top@test.local")
      const child = await makeDistributor(api, admin, seed, "child@test.local", top.distributor.id)
      const other = await makeDistributor(api, admin, seed, "other@test.local")

      const off = await placeOrder(api, {
        seed,
        customerHeaders: child.headers,
        items: [{ variant_id: seed.variants.B, quantity: 1 }],
        // A code on the cart does not pull a distributor out of their own chain.
        beforeComplete: async (cartId) => {
          await api.post(`/store/carts/${cartId}/distribution`, { code: other.distributor.code }, child.headers)
        },
      })
      const offView = await waitForOrderView(api, admin, off.id, (v) => v.commissions.length === 1)
      expect(offView.commissions.map((c) => [c.level, c.distributor_id, c.amount])).toEqual([[1, top.distributor.id, 5]])

      await setSettings(api, admin, { self_purchase: true })
      const on = await placeOrder(api, { seed, customerHeaders: child.headers, items: [{ variant_id: seed.variants.B, quantity: 1 }] })
      const onView = await waitForOrderView(api, admin, on.id, (v) => v.commissions.length === 2)
      expect(onView.commissions.map((c) => [c.level, c.distributor_id, c.amount])).toEqual([
        [1, child.distributor.id, 5],
        [2, top.distributor.id, 2.5],
      ])
    })

    it("skips a suspended upline without moving the others up", async () => {
      const top = await makeDistributor(api, admin, seed, "top@test.local")
      const child = await makeDistributor(api, admin, seed, "child@test.local", top.distributor.id)
      const buyer = await boundBuyer(api, seed, "buyer@test.local", child.distributor.code)
      await api.post(`/admin/distribution/distributors/${top.distributor.id}/suspend`, { reason: "fraud review" }, admin)

      const order = await placeOrder(api, { seed, customerHeaders: buyer.headers, items: [{ variant_id: seed.variants.A, quantity: 1 }] })
      const view = await waitForOrderView(api, admin, order.id, (v) => v.commissions.length >= 1)
      expect(view.commissions.map((c) => [c.level, c.distributor_id, c.amount])).toEqual([[1, child.distributor.id, 10]])

      // Suspending the direct distributor leaves level 1 unpaid; level 2 is still paid.
      await api.post(`/admin/distribution/distributors/${top.distributor.id}/reactivate`, {}, admin)
      await api.post(`/admin/distribution/distributors/${child.distributor.id}/suspend`, { reason: "paused" }, admin)
      const next = await placeOrder(api, { seed, customerHeaders: buyer.headers, items: [{ variant_id: seed.variants.A, quantity: 1 }] })
      const nextView = await waitForOrderView(api, admin, next.id, (v) => v.commissions.length >= 1)
      expect(nextView.commissions.map((c) => [c.level, c.distributor_id, c.amount])).toEqual([[2, top.distributor.id, 5]])
    })

    it("cancels every commission when the order is canceled before settlement", async () => {
      const top = await makeDistributor(api, admin, seed, "top@test.local")
      const child = await makeDistributor(api, admin, seed, "child@test.local", top.distributor.id)
      const buyer = await boundBuyer(api, seed, "buyer@test.local", child.distributor.code)
      const order = await placeOrder(api, { seed, customerHeaders: buyer.headers, items: [{ variant_id: seed.variants.A, quantity: 2 }] })
      await waitForOrderView(api, admin, order.id, (v) => v.commissions.length === 2)

      await cancelOrder(api, admin, order.id)
      const view = await waitForOrderView(api, admin, order.id, (v) => v.commissions.every((c) => c.status === "canceled"))
      expect(view.commissions.map((c) => [c.level, c.status, c.amount, c.reversed_amount])).toEqual([
        [1, "canceled", 0, 20],
        [2, "canceled", 0, 10],
      ])
      expect(view.commissions[0].adjustments).toEqual([expect.objectContaining({ amount: -20, reason: "order.canceled" })])
    })

    it("takes a partial refund off the commission pro rata", async () => {
      const child = await makeDistributor(api, admin, seed, "child@test.local")
      const buyer = await boundBuyer(api, seed, "buyer@test.local", child.distributor.code)
      const order = await placeOrder(api, {
        seed,
        customerHeaders: buyer.headers,
        items: [
          { variant_id: seed.variants.A, quantity: 1 },
          { variant_id: seed.variants.B, quantity: 1 },
        ],
      })
      await waitForOrderView(api, admin, order.id, (v) => v.commissions.length === 1)
      await capturePayment(api, admin, order.id)
      await refundPayment(api, admin, order.id, 50)

      const view = await waitForOrderView(api, admin, order.id, (v) => v.commissions[0]?.amount !== 15)
      const [commission] = view.commissions
      // Kept goods: 150 − 50 = 100, split 2:1 over the lines.
      expect(commission).toMatchObject({ amount: 10, reversed_amount: 5, status: "pending" })
      expect(commission.lines.map((l) => l.amount).sort()).toEqual([3.33, 6.67])
      expect(commission.adjustments).toEqual([expect.objectContaining({ amount: -5, reason: "payment.refunded" })])
    })

    it("reverses only the returned line's commission", async () => {
      const child = await makeDistributor(api, admin, seed, "child@test.local")
      const buyer = await boundBuyer(api, seed, "buyer@test.local", child.distributor.code)
      const order = await placeOrder(api, {
        seed,
        customerHeaders: buyer.headers,
        items: [
          { variant_id: seed.variants.A, quantity: 1 },
          { variant_id: seed.variants.B, quantity: 1 },
        ],
      })
      const placed = await waitForOrderView(api, admin, order.id, (v) => v.commissions.length === 1)
      const lineB = placed.commissions[0].lines.find((l) => l.product_id === seed.productIds.B)!
      await capturePayment(api, admin, order.id)

      const returnId = await returnItems(api, admin, order.id, [{ item_id: lineB.line_item_id, quantity: 1 }])
      const view = await waitForOrderView(api, admin, order.id, (v) => v.commissions[0].amount !== 15)
      const [commission] = view.commissions
      expect(commission.amount).toBe(10)
      expect(commission.lines.find((l) => l.product_id === seed.productIds.B)).toMatchObject({ quantity: 0, base: 0, amount: 0 })
      expect(commission.lines.find((l) => l.product_id === seed.productIds.A)).toMatchObject({ quantity: 1, base: 100, amount: 10 })
      expect(commission.adjustments).toEqual([
        expect.objectContaining({ amount: -5, reason: "order.return_received", source_id: returnId }),
      ])

      // Refunding the returned goods counts once: nothing more is reversed.
      await refundPayment(api, admin, order.id, 50)
      await api.post(`/admin/distribution/orders/${order.id}/sync`, {}, admin)
      expect((await orderView(api, admin, order.id)).commissions[0].amount).toBe(10)
    })

    it("moves the commission off a returned line even when the total stays (a refund already paid for it)", async () => {
      const child = await makeDistributor(api, admin, seed, "child@test.local")
      const buyer = await boundBuyer(api, seed, "buyer@test.local", child.distributor.code)
      const order = await placeOrder(api, {
        seed,
        customerHeaders: buyer.headers,
        items: [
          { variant_id: seed.variants.A, quantity: 1 },
          { variant_id: seed.variants.B, quantity: 1 },
        ],
      })
      const placed = await waitForOrderView(api, admin, order.id, (v) => v.commissions.length === 1)
      const lineOf = (view: typeof placed, product: string) => view.commissions[0].lines.find((l) => l.product_id === product)!
      const lineB = lineOf(placed, seed.productIds.B)
      await capturePayment(api, admin, order.id)

      // A goodwill refund of 50 on goods of 150 keeps 2/3 of each line: 66.67 + 33.33 → 6.67 + 3.33.
      await refundPayment(api, admin, order.id, 50)
      const refunded = await waitForOrderView(api, admin, order.id, (v) => v.commissions[0].amount === 10)
      expect(lineOf(refunded, seed.productIds.A)).toMatchObject({ quantity: 1, base: 66.67, amount: 6.67 })
      expect(lineOf(refunded, seed.productIds.B)).toMatchObject({ quantity: 1, base: 33.33, amount: 3.33 })

      // B comes back: the 50 refunded already paid for it, so A is kept whole. Same total, other lines.
      await returnItems(api, admin, order.id, [{ item_id: lineB.line_item_id, quantity: 1 }])
      const returned = await waitForOrderView(api, admin, order.id, (v) => lineOf(v, seed.productIds.B).quantity === 0)
      expect(returned.commissions[0]).toMatchObject({ amount: 10, reversed_amount: 5 })
      expect(lineOf(returned, seed.productIds.A)).toMatchObject({ quantity: 1, base: 100, amount: 10 })
      expect(lineOf(returned, seed.productIds.B)).toMatchObject({ quantity: 0, base: 0, amount: 0 })
      expect(returned.commissions[0].adjustments.map((a) => [a.amount, a.reason])).toEqual([[-5, "payment.refunded"]])
    })

    it("claws back a refund after settlement, and the next settlement pays a negative balance back", async () => {
      await setSettings(api, admin, { settlement_trigger: "captured", freeze_days: 0 })
      const child = await makeDistributor(api, admin, seed, "child@test.local")
      const buyer = await boundBuyer(api, seed, "buyer@test.local", child.distributor.code)

      const first = await placeOrder(api, { seed, customerHeaders: buyer.headers, items: [{ variant_id: seed.variants.A, quantity: 1 }] })
      await waitForOrderView(api, admin, first.id, (v) => v.commissions.length === 1)
      await capturePayment(api, admin, first.id)
      await waitForOrderView(api, admin, first.id, (v) => v.commissions[0].status === "frozen")
      expect((await api.post("/admin/distribution/commissions/settle", {}, admin)).data).toEqual({ settled: 1 })
      expect((await orderView(api, admin, first.id)).commissions[0]).toMatchObject({ status: "settled", amount: 10 })

      // The 10 is withdrawn and paid out.
      const { withdrawal } = (
        await api.post("/store/distribution/me/withdrawals", { amount: 10, currency_code: "usd", method: "paypal", account: { email: "child@test.local" } }, child.headers)
      ).data
      await api.post(`/admin/distribution/withdrawals/${withdrawal.id}/approve`, {}, admin)
      await api.post(`/admin/distribution/withdrawals/${withdrawal.id}/mark-paid`, { reference: "PP-1" }, admin)

      await refundPayment(api, admin, first.id, 110)
      const refunded = await waitForOrderView(api, admin, first.id, (v) => v.commissions[0].amount === 0)
      expect(refunded.commissions[0]).toMatchObject({ status: "settled", amount: 0, reversed_amount: 10 })
      let me = (await api.get("/store/distribution/me", child.headers)).data
      expect(me.balances).toEqual([{ currency_code: "usd", pending: 0, frozen: 0, available: -10, withdrawn: 10 }])

      const second = await placeOrder(api, { seed, customerHeaders: buyer.headers, items: [{ variant_id: seed.variants.A, quantity: 1 }] })
      await waitForOrderView(api, admin, second.id, (v) => v.commissions.length === 1)
      await capturePayment(api, admin, second.id)
      await waitForOrderView(api, admin, second.id, (v) => v.commissions[0].status === "frozen")
      await api.post("/admin/distribution/commissions/settle", {}, admin)

      me = (await api.get("/store/distribution/me", child.headers)).data
      expect(me.balances).toEqual([{ currency_code: "usd", pending: 0, frozen: 0, available: 0, withdrawn: 10 }])
      const entries = await ledger(child.distributor.id)
      expect(entries.map((e) => [e.type, Number(e.amount)])).toEqual([
        ["settlement", 10],
        ["withdrawal", -10],
        ["clawback", -10],
        ["settlement", 10],
      ])
    })

    it("freezes commission for freeze_days once the order is delivered or completed, then settles it, emitting events", async () => {
      const events = recordEvents(getContainer())
      try {
        const child = await makeDistributor(api, admin, seed, "child@test.local")
        const buyer = await boundBuyer(api, seed, "buyer@test.local", child.distributor.code)

        const held = await placeOrder(api, { seed, customerHeaders: buyer.headers, items: [{ variant_id: seed.variants.B, quantity: 1 }] })
        await waitForOrderView(api, admin, held.id, (v) => v.commissions.length === 1)
        const completedAt = Date.now()
        await completeOrder(api, admin, held.id)
        await waitForOrderView(api, admin, held.id, (v) => v.commissions[0].status === "frozen")
        const [frozen] = (await api.get(`/admin/distribution/commissions?order_id=${held.id}`, admin)).data.commissions
        const holdDays = (new Date(frozen.available_at).getTime() - completedAt) / 86_400_000
        expect(holdDays).toBeGreaterThan(6.99)
        expect(holdDays).toBeLessThan(7.01)
        expect((await api.post("/admin/distribution/commissions/settle", {}, admin)).data).toEqual({ settled: 0 })

        await setSettings(api, admin, { freeze_days: 0 })
        const delivered = await placeOrder(api, { seed, customerHeaders: buyer.headers, items: [{ variant_id: seed.variants.A, quantity: 1 }] })
        await waitForOrderView(api, admin, delivered.id, (v) => v.commissions.length === 1)
        const fulfillmentId = await createFulfillment(api, admin, delivered.id)
        await markDelivered(api, admin, delivered.id, fulfillmentId)
        await waitForOrderView(api, admin, delivered.id, (v) => v.commissions[0].status === "frozen")
        expect((await api.post("/admin/distribution/commissions/settle", {}, admin)).data).toEqual({ settled: 1 })

        const me = (await api.get("/store/distribution/me", child.headers)).data
        expect(me.balances).toEqual([{ currency_code: "usd", pending: 0, frozen: 5, available: 10, withdrawn: 0 }])
        const settled = (await api.get("/store/distribution/me/commissions?status=settled", child.headers)).data
        expect(settled.commissions.map((c: { order_id: string; amount: number }) => [c.order_id, c.amount])).toEqual([[delivered.id, 10]])

        await events.waitFor("distribution.commission.settled")
        expect(events.named("distribution.distributor.approved").map((e) => e.data.id)).toEqual([child.distributor.id])
        expect(events.named("distribution.commission.created")).toHaveLength(2)
        expect(events.named("distribution.commission.settled").map((e) => e.data)).toEqual([
          expect.objectContaining({ order_id: delivered.id, distributor_id: child.distributor.id }),
        ])
      } finally {
        events.stop()
      }
    })

    it("recovers an order whose events were lost, through the reconciliation sweep", async () => {
      const child = await makeDistributor(api, admin, seed, "child@test.local")
      const buyer = await boundBuyer(api, seed, "buyer@test.local", child.distributor.code)
      const order = await placeOrder(api, { seed, customerHeaders: buyer.headers, items: [{ variant_id: seed.variants.A, quantity: 1 }] })
      await waitForOrderView(api, admin, order.id, (v) => v.commissions.length === 1)

      // As if `order.placed` had never been handled: no attribution, no commission.
      const service = getContainer().resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
      await service.deleteCommissions((await service.listCommissions({ order_id: order.id })).map((c) => c.id))
      await service.deleteOrderAttributions((await service.listOrderAttributions({ order_id: order.id })).map((a) => a.id))
      expect((await orderView(api, admin, order.id)).commissions).toEqual([])

      await reconcileRecentOrdersJob(getContainer())
      const view = await orderView(api, admin, order.id)
      expect(view.attribution).toMatchObject({ distributor_id: child.distributor.id, source: "binding" })
      expect(view.commissions.map((c) => [c.level, c.amount, c.status])).toEqual([[1, 10, "pending"]])
    })

    it("sweeps only the orders that can still change", async () => {
      await setSettings(api, admin, { settlement_trigger: "captured", freeze_days: 0 })
      const child = await makeDistributor(api, admin, seed, "child@test.local")
      const buyer = await boundBuyer(api, seed, "buyer@test.local", child.distributor.code)
      const buy = async () => {
        const order = await placeOrder(api, { seed, customerHeaders: buyer.headers, items: [{ variant_id: seed.variants.C, quantity: 1 }] })
        await waitForOrderView(api, admin, order.id, (v) => v.commissions.length === 1)
        return order
      }
      const settled = await buy()
      await capturePayment(api, admin, settled.id)
      await waitForOrderView(api, admin, settled.id, (v) => v.commissions[0].status === "frozen")
      await api.post("/admin/distribution/commissions/settle", {}, admin)
      const open = await buy()

      // The sweep runs hourly: two runs, hours apart, after everything above.
      const hour = 60 * 60 * 1000
      await sweep(getContainer(), new Date(Date.now() + 2 * hour))
      const lost = await buy()
      const service = getContainer().resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
      await service.deleteCommissions((await service.listCommissions({ order_id: lost.id })).map((c) => c.id))
      await service.deleteOrderAttributions((await service.listOrderAttributions({ order_id: lost.id })).map((a) => a.id))

      const events = recordEvents(getContainer())
      try {
        // The lost order is found and recovered, the open one checked; the settled one is not touched.
        expect(await sweep(getContainer(), new Date(Date.now() + 4 * hour))).toEqual({ synced: 2, failed: 0 })
        expect((await orderView(api, admin, lost.id)).commissions.map((c) => [c.amount, c.status])).toEqual([[3, "pending"]])
        expect(events.named("distribution.commission.created").map((e) => e.data.order_id)).toEqual([lost.id])
        expect((await orderView(api, admin, open.id)).commissions[0]).toMatchObject({ amount: 3, status: "pending" })
      } finally {
        events.stop()
      }
    })

    it("follows a confirmed order edit that adds an item", async () => {
      const child = await makeDistributor(api, admin, seed, "child@test.local")
      const buyer = await boundBuyer(api, seed, "buyer@test.local", child.distributor.code)
      const order = await placeOrder(api, { seed, customerHeaders: buyer.headers, items: [{ variant_id: seed.variants.A, quantity: 1 }] })
      await waitForOrderView(api, admin, order.id, (v) => v.commissions.length === 1)

      const { order_change: edit } = (await api.post("/admin/order-edits", { order_id: order.id }, admin)).data
      await api.post(`/admin/order-edits/${order.id}/items`, { items: [{ variant_id: seed.variants.C, quantity: 2 }] }, admin)
      await api.post(`/admin/order-edits/${order.id}/request`, {}, admin)
      await api.post(`/admin/order-edits/${order.id}/confirm`, {}, admin)
      expect(edit.order_id).toBe(order.id)

      const view = await waitForOrderView(api, admin, order.id, (v) => v.commissions[0].amount !== 10)
      // 100 + 2 × 30 = 160 of goods → 16.00, the 6.00 added as a positive adjustment.
      expect(view.commissions[0]).toMatchObject({ amount: 16, reversed_amount: 0 })
      expect(view.commissions[0].adjustments).toEqual([expect.objectContaining({ amount: 6, reason: "order-edit.confirmed" })])
    })

    it("counts a refund for units an edit removed once, not twice", async () => {
      const child = await makeDistributor(api, admin, seed, "child@test.local")
      const buyer = await boundBuyer(api, seed, "buyer@test.local", child.distributor.code)
      const order = await placeOrder(api, {
        seed,
        customerHeaders: buyer.headers,
        items: [
          { variant_id: seed.variants.A, quantity: 2 },
          { variant_id: seed.variants.B, quantity: 1 },
        ],
      })
      const placed = await waitForOrderView(api, admin, order.id, (v) => v.commissions.length === 1)
      expect(placed.commissions[0].amount).toBe(25)
      await capturePayment(api, admin, order.id)

      const lineA = placed.commissions[0].lines.find((l) => l.product_id === seed.productIds.A)!
      await api.post("/admin/order-edits", { order_id: order.id }, admin)
      await api.post(`/admin/order-edits/${order.id}/items/item/${lineA.line_item_id}`, { quantity: 1 }, admin)
      await api.post(`/admin/order-edits/${order.id}/request`, {}, admin)
      await api.post(`/admin/order-edits/${order.id}/confirm`, {}, admin)
      await waitForOrderView(api, admin, order.id, (v) => v.commissions[0].amount === 15)

      // The merchant refunds the removed unit: the base stays 150, not 50.
      await refundPayment(api, admin, order.id, 100)
      await api.post(`/admin/distribution/orders/${order.id}/sync`, {}, admin)
      const view = await orderView(api, admin, order.id)
      expect(view.commissions[0]).toMatchObject({ amount: 15, reversed_amount: 10 })
    })

    it("keeps following an order placed with a cart code after that distributor is suspended", async () => {
      const child = await makeDistributor(api, admin, seed, "child@test.local")
      const buyer = await registerCustomer(api, seed.storeHeaders, "buyer@test.local")
      const order = await placeOrder(api, {
        seed,
        customerHeaders: buyer.headers,
        items: [{ variant_id: seed.variants.A, quantity: 1 }],
        beforeComplete: async (cartId) => {
          await api.post(`/store/carts/${cartId}/distribution`, { code: child.distributor.code }, buyer.headers)
        },
      })
      await waitForOrderView(api, admin, order.id, (v) => v.commissions.length === 1)
      await api.post(`/admin/distribution/distributors/${child.distributor.id}/suspend`, { reason: "review" }, admin)

      await cancelOrder(api, admin, order.id)
      const view = await waitForOrderView(api, admin, order.id, (v) => v.commissions[0].status === "canceled")
      expect(view.commissions[0]).toMatchObject({ amount: 0, reversed_amount: 10 })
      expect(await statusOf(api.get("/admin/distribution/orders/order_missing", admin))).toBe(404)
    })

    it("changes nothing when the same event arrives twice or two syncs run at once", async () => {
      const top = await makeDistributor(api, admin, seed, "top@test.local")
      const child = await makeDistributor(api, admin, seed, "child@test.local", top.distributor.id)
      const buyer = await boundBuyer(api, seed, "buyer@test.local", child.distributor.code)
      const order = await placeOrder(api, { seed, customerHeaders: buyer.headers, items: [{ variant_id: seed.variants.C, quantity: 3 }] })
      const before = await waitForOrderView(api, admin, order.id, (v) => v.commissions.length === 2)

      const container = getContainer()
      await container.resolve(Modules.EVENT_BUS).emit({ name: "order.placed", data: { id: order.id } })
      await Promise.all([
        syncOrderCommissionsWorkflow(container).run({ input: { order_id: order.id, reason: "order.placed" } }),
        syncOrderCommissionsWorkflow(container).run({ input: { order_id: order.id, reason: "order.placed" } }),
        api.post(`/admin/distribution/orders/${order.id}/sync`, {}, admin),
        api.post(`/admin/distribution/orders/${order.id}/sync`, {}, admin),
      ])

      const after = await orderView(api, admin, order.id)
      expect(after).toEqual(before)
      expect(after.commissions.map((c) => [c.level, c.amount, c.adjustments.length])).toEqual([
        [1, 9, 0],
        [2, 4.5, 0],
      ])
      const service = container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
      expect(await service.listCommissions({ order_id: order.id })).toHaveLength(2)
      expect(await service.listOrderAttributions({ order_id: order.id })).toHaveLength(1)
    })
  },
})
