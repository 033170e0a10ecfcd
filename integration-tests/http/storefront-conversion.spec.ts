import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  capturePayment,
  createAdminUser,
  createPromotion,
  Headers,
  mergeHeaders,
  placeOrder,
  recordEvents,
  refundPayment,
  Seed,
  seedStore,
} from "../helpers/order-flow"
import { boundBuyer, byLevel, makeDistributor, setSettings, statusOf, waitForOrderView, withKey } from "../helpers/distribution"
import { DISTRIBUTION_MODULE } from "../../src/modules/distribution"
import DistributionModuleService from "../../src/modules/distribution/service"
import { sendRepurchaseRemindersWorkflow } from "../../src/workflows/repurchase/workflows/send-repurchase-reminders"
import { DistributionEvents } from "../../src/workflows/events"
import { createStep, createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recordCartCodeStep } from "../../src/workflows/share/steps/record-cart-code"
import { recordShareVisitStep, RecordShareVisitStepInput } from "../../src/workflows/share/steps/record-share-visit"
import { claimRepurchaseRemindersStep } from "../../src/workflows/repurchase/steps/claim-repurchase-reminders"
import { RecordCartCodeInput } from "../../src/modules/distribution/services/share-tracking"
import { RepurchaseReminderClaim } from "../../src/modules/distribution/services/repurchase-claims"
import { waitForLockWaiters } from "../helpers/db"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"

/** The plugin's write steps, then a step that fails: their compensations must leave nothing behind. */
const failingAfterWrites = createWorkflow(
  "test-storefront-writes-then-fail",
  (input: { carts: RecordCartCodeInput[]; visit: RecordShareVisitStepInput; claims: RepurchaseReminderClaim[] }) => {
    recordCartCodeStep(input.carts[0]).config({ name: "cart-code-replaced" })
    recordCartCodeStep(input.carts[1]).config({ name: "cart-code-new" })
    recordShareVisitStep(input.visit)
    claimRepurchaseRemindersStep(input.claims)
    createStep("test-storefront-boom", async () => {
      throw new Error("boom")
    })()
    return new WorkflowResponse(undefined)
  }
)

/** Records a cart's code, then fails: its compensation puts back the code it replaced. */
const failingAfterCartCode = createWorkflow("test-cart-code-then-fail", (input: RecordCartCodeInput) => {
  recordCartCodeStep(input)
  createStep("test-cart-code-boom", async () => {
    throw new Error("boom")
  })()
  return new WorkflowResponse(undefined)
})

jest.setTimeout(300_000)

const DAY = 24 * 60 * 60 * 1000

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: Headers
    let seed: Seed

    beforeAll(async () => {
      admin = await createAdminUser(api, getContainer())
      seed = await seedStore(api, admin)
    })

    const service = () => getContainer().resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
    const knex = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    /** A visitor as the server sees them behind one proxy: address and browser. */
    const visitor = (ip: string, userAgent: string) => withKey(seed, { headers: { "x-forwarded-for": ip, "user-agent": userAgent } })
    const visit = (code: string, who: Headers) => api.get(`/store/distribution/codes/${code}`, who)
    const attach = (cartId: string, code: string) => api.post(`/store/carts/${cartId}/distribution`, { code }, seed.storeHeaders)

    it("a visit counts once per visitor, code and window, and keeps no IP or user agent", async () => {
      const d = await makeDistributor(api, admin, seed, "dv@test.local")
      const product = (await api.post("/store/distribution/me/share-links", { product_id: seed.productIds.A }, d.headers)).data.share_link
      const v1 = visitor("203.0.113.7", "UA-one")

      for (let i = 0; i < 3; i++) await visit(d.distributor.code, v1)
      await Promise.all(Array.from({ length: 4 }, () => visit(d.distributor.code, v1))) // a burst at once: still one
      await visit(product.code, v1)
      await visit(d.distributor.code, visitor("203.0.113.7", "UA-two")) // same address, other browser
      await visit(d.distributor.code, visitor("198.51.100.9", "UA-one")) // other address
      await visit("NOSUCH99", v1)

      const rows = await knex()("distribution_code_visit").select("*").orderBy("created_at")
      expect(rows.map((r: Record<string, unknown>) => [r.code, r.share_link_id, r.product_id])).toEqual([
        [d.distributor.code, null, null],
        [product.code, product.id, seed.productIds.A],
        [d.distributor.code, null, null],
        [d.distributor.code, null, null],
      ])
      for (const row of rows) expect(row.visitor_hash).toMatch(/^[0-9a-f]{64}$/)
      expect(new Set(rows.map((r: { visitor_hash: string }) => r.visitor_hash)).size).toBe(3)
      const stored = JSON.stringify(rows)
      for (const raw of ["203.0.113.7", "198.51.100.9", "UA-one", "UA-two"]) expect(stored).not.toContain(raw)
    })

    it("visits → carts → orders → kept GMV per distributor, link, product and level, after real orders and a refund", async () => {
      await setSettings(api, admin, { max_levels: 2, level_rates: [0.1, 0.05] })
      const top = await makeDistributor(api, admin, seed, "top@test.local")
      const d = await makeDistributor(api, admin, seed, "d@test.local", top.distributor.id)
      const pa = (await api.post("/store/distribution/me/share-links", { product_id: seed.productIds.A }, d.headers)).data.share_link
      await visit(d.distributor.code, visitor("203.0.113.1", "UA"))
      await visit(pa.code, visitor("203.0.113.2", "UA"))

      // Order 1 through the store-wide code: A 100 + B 50 = 150 kept.
      const o1 = await placeOrder(api, {
        seed,
        items: [{ variant_id: seed.variants.A, quantity: 1 }, { variant_id: seed.variants.B, quantity: 1 }],
        beforeComplete: async (cartId) => void (await attach(cartId, d.distributor.code)),
      })
      // Order 2 through the product link, attached twice (one cart): A × 2 = 200, then 50 refunded → 150 kept.
      const o2 = await placeOrder(api, {
        seed,
        items: [{ variant_id: seed.variants.A, quantity: 2 }],
        beforeComplete: async (cartId) => {
          await attach(cartId, pa.code)
          await attach(cartId, pa.code)
        },
      })
      // A third cart takes the product link and is never completed.
      const { cart: abandoned } = (
        await api.post("/store/carts", { region_id: seed.regionId, sales_channel_id: seed.salesChannelId, items: [{ variant_id: seed.variants.A, quantity: 1 }] }, seed.storeHeaders)
      ).data
      await attach(abandoned.id, pa.code)

      await waitForOrderView(api, admin, o1.id, (v) => v.commissions.length === 2)
      await waitForOrderView(api, admin, o2.id, (v) => v.commissions.length === 2)
      await capturePayment(api, admin, o2.id)
      await refundPayment(api, admin, o2.id, 50)
      const refunded = await waitForOrderView(api, admin, o2.id, (v) => byLevel(v)[1]?.amount === 15)
      expect(byLevel(refunded)[2].amount).toBe(7.5)

      const usd = (amount: number) => [{ currency_code: "usd", amount }]
      const stats = await service().getConversionStats({})
      expect(stats).toEqual({
        visits: 2,
        carts: 3,
        orders: 2,
        kept_gmv: usd(300),
        rates: { visit_to_cart: 1.5, cart_to_order: 0.6667, visit_to_order: 1 },
        by_distributor: [{ distributor_id: d.distributor.id, visits: 2, carts: 3, orders: 2, kept_gmv: usd(300) }],
        by_link: expect.arrayContaining([
          { code: pa.code, distributor_id: d.distributor.id, share_link_id: pa.id, product_id: seed.productIds.A, visits: 1, carts: 2, orders: 1, kept_gmv: usd(150) },
          { code: d.distributor.code, distributor_id: d.distributor.id, share_link_id: null, product_id: null, visits: 1, carts: 1, orders: 1, kept_gmv: usd(150) },
        ]),
        by_product: expect.arrayContaining([
          { product_id: seed.productIds.A, visits: 1, carts: 2, orders: 2, kept_gmv: usd(250) },
          { product_id: seed.productIds.B, visits: 0, carts: 0, orders: 1, kept_gmv: usd(50) },
        ]),
        by_level: [
          { level: 1, orders: 2, kept_gmv: usd(300), commission: usd(30) },
          { level: 2, orders: 2, kept_gmv: usd(300), commission: usd(15) },
        ],
      })
      expect(stats.by_link).toHaveLength(2)
      expect(stats.by_product).toHaveLength(2)
      // A range that ends before today holds nothing.
      expect((await service().getConversionStats({ to: new Date(Date.now() - DAY) })).orders).toBe(0)

      const mine = (await api.get("/store/distribution/me/links", d.headers)).data
      expect(mine.links).toEqual([
        { id: "store", code: d.distributor.code, product_id: null, url: `http://localhost:8000/?ref=${d.distributor.code}`, visits: 1, carts: 1, orders: 1, kept_gmv: usd(150) },
        { id: pa.id, code: pa.code, product_id: seed.productIds.A, url: pa.url, visits: 1, carts: 2, orders: 1, kept_gmv: usd(150) },
      ])
      expect((await api.get("/store/distribution/me/links", top.headers)).data.links).toEqual([
        { id: "store", code: top.distributor.code, product_id: null, url: `http://localhost:8000/?ref=${top.distributor.code}`, visits: 0, carts: 0, orders: 0, kept_gmv: [] },
      ])
    })

    it("the share coupon: applied to the cart by Medusa's promotions; commission on what the customer paid", async () => {
      await setSettings(api, admin, { max_levels: 2, level_rates: [0.1, 0.05] })
      expect(await statusOf(api.post("/admin/distribution/settings", { share_promotion_code: "NOPE" }, admin))).toBe(400)
      expect((await api.get("/admin/distribution/settings", admin)).data.settings.share_promotion_code).toBeNull()
      await createPromotion(api, admin, { code: "SHARE10", percent: 10 })
      await setSettings(api, admin, { share_promotion_code: "SHARE10" })
      expect((await api.get("/store/distribution/config", seed.storeHeaders)).data.config.share_coupon).toBe(true)

      const top = await makeDistributor(api, admin, seed, "ctop@test.local")
      const d = await makeDistributor(api, admin, seed, "cd@test.local", top.distributor.id)
      // As a storefront does: the cart is made, the share flow attaches the code, then checkout.
      const address = { first_name: "Test", last_name: "Buyer", address_1: "1 Test St", city: "Testville", country_code: "us", postal_code: "10001" }
      const h = seed.storeHeaders
      const { cart } = (
        await api.post("/store/carts", {
          region_id: seed.regionId, sales_channel_id: seed.salesChannelId, email: "coupon@test.local",
          items: [{ variant_id: seed.variants.A, quantity: 1 }, { variant_id: seed.variants.B, quantity: 1 }],
          shipping_address: address, billing_address: address,
        }, h)
      ).data
      const attachedCart = (await attach(cart.id, d.distributor.code)).data.cart
      expect(attachedCart).toMatchObject({
        metadata: { distribution_code: d.distributor.code },
        promotions: [expect.objectContaining({ code: "SHARE10" })],
        item_total: 135,
        discount_total: 15,
      })
      await api.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: seed.shippingOptionId }, h)
      const { payment_collection: pc } = (await api.post("/store/payment-collections", { cart_id: cart.id }, h)).data
      await api.post(`/store/payment-collections/${pc.id}/payment-sessions`, { provider_id: "pp_system_default" }, h)
      const done = (await api.post(`/store/carts/${cart.id}/complete`, {}, h)).data
      expect(done.type).toBe("order")
      const order = done.order
      expect(order).toMatchObject({ item_total: 135, discount_total: 15, total: 145 }) // + shipping 10

      const view = await waitForOrderView(api, admin, order.id, (v) => v.commissions.length === 2)
      const lines = (level: number) =>
        byLevel(view)[level].lines.map((l) => ({ product_id: l.product_id, base: l.base, rate: l.rate, amount: l.amount }))
      // Paid: A 90, B 45 (10% off items, split pro rata); level 1 earns 10% of 135, level 2 5%.
      expect(byLevel(view)[1]).toMatchObject({ distributor_id: d.distributor.id, amount: 13.5 })
      expect(lines(1)).toEqual(
        expect.arrayContaining([
          { product_id: seed.productIds.A, base: 90, rate: 0.1, amount: 9 },
          { product_id: seed.productIds.B, base: 45, rate: 0.1, amount: 4.5 },
        ])
      )
      expect(byLevel(view)[2]).toMatchObject({ distributor_id: top.distributor.id, amount: 6.75 })
      expect(lines(2)).toEqual(
        expect.arrayContaining([
          { product_id: seed.productIds.A, base: 90, rate: 0.05, amount: 4.5 },
          { product_id: seed.productIds.B, base: 45, rate: 0.05, amount: 2.25 },
        ])
      )
    })

    it("repurchase reminder: once per customer and interval, even from two workers at once", async () => {
      const d = await makeDistributor(api, admin, seed, "rd@test.local")
      const buyer = await boundBuyer(api, seed, "regular@test.local", d.distributor.code)
      const once = await boundBuyer(api, seed, "once@test.local", d.distributor.code)
      const buy = (h: Headers) => placeOrder(api, { seed, customerHeaders: h, items: [{ variant_id: seed.variants.C, quantity: 1 }] })
      const age = (orderId: string, at: Date) => knex()("order").update({ created_at: at }).where({ id: orderId })

      // Orders 32, 22 and 12 days ago: a 10-day habit, due 2 days ago.
      const now = Date.now()
      const history = [await buy(buyer.headers), await buy(buyer.headers), await buy(buyer.headers)]
      for (const [i, daysAgo] of [32, 22, 12].entries()) await age(history[i].id, new Date(now - daysAgo * DAY))
      await age((await buy(once.headers)).id, new Date(now - 40 * DAY)) // one order: no habit yet

      const recorder = recordEvents(getContainer())
      try {
        const run = (at?: Date) => sendRepurchaseRemindersWorkflow(getContainer()).run({ input: at ? { now: at } : {} })
        const [a, b] = await Promise.all([run(), run()])
        expect(a.result.sent + b.result.sent).toBe(1)
        const [event] = await recorder.waitFor(DistributionEvents.CUSTOMER_REPURCHASE_DUE, () => true, 15000)
        expect(event.data).toEqual({
          customer_id: buyer.customer.id,
          distributor_id: d.distributor.id,
          last_order_id: history[2].id,
          due_at: new Date(now - 2 * DAY).toISOString(),
        })
        expect((await run()).result.sent).toBe(0)
        expect((await run(new Date(now + 9 * DAY))).result.sent).toBe(0) // lapsed: twice the habit without an order

        // A new order starts a new interval: gaps 10, 10, 12 → 10 days → due in 10 days.
        const next = await buy(buyer.headers)
        expect((await run(new Date(Date.now() + 9 * DAY))).result.sent).toBe(0)
        expect((await run(new Date(Date.now() + 10.5 * DAY))).result.sent).toBe(1)
        const due = await recorder.waitFor(DistributionEvents.CUSTOMER_REPURCHASE_DUE, (e) => e.last_order_id === next.id, 15000)
        expect(due).toHaveLength(1)
        expect(recorder.named(DistributionEvents.CUSTOMER_REPURCHASE_DUE)).toHaveLength(2)
        expect(await service().listRepurchaseReminders({ customer_id: once.customer.id })).toEqual([])
      } finally {
        recorder.stop()
      }
    })

    it("compensation: a failure after the writes puts a cart's code back and removes the new rows", async () => {
      const d = await makeDistributor(api, admin, seed, "comp@test.local")
      const row = (cart_id: string, code: string) => ({ cart_id, code, distributor_id: d.distributor.id, share_link_id: null, product_id: null })
      await service().recordCartCode(row("cart_old", "FIRST234"))
      const { errors } = await failingAfterWrites(getContainer()).run({
        input: {
          carts: [row("cart_old", "SECOND34"), row("cart_new", "SECOND34")],
          visit: { code: d.distributor.code, distributor_id: d.distributor.id, share_link_id: null, product_id: null, visitor_hash: "f".repeat(64), window_minutes: 30 },
          claims: [{ customer_id: "cus_x", distributor_id: d.distributor.id, last_order_id: "order_x", interval_days: 10, due_at: new Date() }],
        },
        throwOnError: false,
      })
      expect(errors.map((e) => e.error.message)).toEqual(["boom"])
      expect(await knex()("distribution_cart_code").select("cart_id", "code").whereNull("deleted_at")).toEqual([{ cart_id: "cart_old", code: "FIRST234" }])
      expect(await knex()("distribution_code_visit").count("* as n").whereNull("deleted_at")).toEqual([{ n: "0" }])
      expect(await knex()("distribution_repurchase_reminder").count("* as n").whereNull("deleted_at")).toEqual([{ n: "0" }])
    })

    it("a cart with the buyer's own code is refused, and counts as nothing", async () => {
      const d = await makeDistributor(api, admin, seed, "own@test.local")
      const { cart } = (await api.post("/store/carts", { region_id: seed.regionId, sales_channel_id: seed.salesChannelId }, d.headers)).data
      expect(await statusOf(api.post(`/store/carts/${cart.id}/distribution`, { code: d.distributor.code }, mergeHeaders(d.headers)))).toBe(400)
      expect(await statusOf(attach(cart.id, "NOSUCH99"))).toBe(404)
      expect(await knex()("distribution_cart_code").count("* as n")).toEqual([{ n: "0" }])
    })

    it("cart-code row lock: an attach that waited for another and then failed puts back the other's code, not the one before it", async () => {
      const d = await makeDistributor(api, admin, seed, "cart-lock@test.local")
      const row = (code: string) => ({ cart_id: "cart_race", code, distributor_id: d.distributor.id, share_link_id: null, product_id: null })
      await service().recordCartCode(row("FIRST234"))

      // Both attaches queue behind a lock on the cart's row: first the one that succeeds, then the one that fails.
      let attaches: Promise<unknown>[] = []
      await knex().transaction(async (trx: Knex.Transaction) => {
        await trx("distribution_cart_code").update({ updated_at: new Date() }).where({ cart_id: "cart_race" })
        const kept = service().recordCartCode(row("SECOND34"))
        await waitForLockWaiters(getContainer(), 1)
        const failed = failingAfterCartCode(getContainer()).run({ input: row("THIRD234"), throwOnError: false })
        await waitForLockWaiters(getContainer(), 2)
        attaches = [kept, failed]
      })
      const [, failed] = (await Promise.all(attaches)) as [unknown, { errors: { error: { message: string } }[] }]
      expect(failed.errors.map((e) => e.error.message)).toEqual(["boom"])
      expect(await knex()("distribution_cart_code").select("cart_id", "code").whereNull("deleted_at")).toEqual([{ cart_id: "cart_race", code: "SECOND34" }])
    })
  },
})
