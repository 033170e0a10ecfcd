import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminUser, Headers, placeOrder, registerCustomer, Seed, seedStore } from "../helpers/order-flow"
import { makeDistributor, orderView, setSettings, waitForOrderView } from "../helpers/distribution"
import { AxiosLike, sdkStatus, storefrontSdk } from "../helpers/storefront"
import { createShareFlow, memoryCookies, REF_COOKIE } from "../../src/client"
import { DISTRIBUTION_MODULE } from "../../src/modules/distribution"
import DistributionModuleService from "../../src/modules/distribution/service"

jest.setTimeout(240_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: Headers
    let seed: Seed

    beforeAll(async () => {
      admin = await createAdminUser(api, getContainer())
      seed = await seedStore(api, admin)
    })

    const storefront = () => storefrontSdk(api as unknown as AxiosLike, seed)

    it("config and code look-ups through the client", async () => {
      await setSettings(api, admin, { binding_days: 14, enrollment_mode: "open", withdrawal_methods: ["paypal", "alipay"] })
      const { client } = storefront()
      const { config } = await client.getConfig()
      expect(config).toEqual({
        enabled: true,
        enrollment_mode: "open",
        binding_policy: "first",
        binding_days: 14,
        share_coupon: false,
        storefront_url: "http://localhost:8000",
        withdrawal: { methods: ["paypal", "alipay"], min: 1, max: null, daily_max: null, fee_rate: 0 },
      })

      const carol = await makeDistributor(api, admin, seed, "carol@test.local")
      expect(await client.getCode(carol.distributor.code.toLowerCase())).toEqual({
        code: carol.distributor.code,
        valid: true,
        distributor: { display_name: carol.distributor.code },
        product_id: null,
      })
      expect(await client.getCode("NOSUCH99")).toEqual({ code: "NOSUCH99", valid: false, distributor: null, product_id: null })
    })

    it("the distributor centre: apply, me, share links with QR, poster, team, commissions, links, withdrawals", async () => {
      await setSettings(api, admin, { enrollment_mode: "open" })
      await registerCustomer(api, seed.storeHeaders, "dina@test.local")
      const { client, login } = storefront()
      expect(await sdkStatus(client.getMe())).toBe(401)
      await login("dina@test.local")
      expect(await sdkStatus(client.getMe())).toBe(404)

      const { distributor } = await client.apply({ display_name: "Dina" })
      expect(distributor).toMatchObject({ status: "active", display_name: "Dina", parent_id: null })
      expect((await client.apply()).distributor.id).toBe(distributor.id)
      const me = await client.getMe()
      expect(me).toEqual({ distributor: expect.objectContaining({ id: distributor.id, code: distributor.code }), balances: [] })

      // Store-wide and product links, each with SVG and PNG QR codes that do not change.
      const { share_link: storeLink } = await client.createShareLink()
      expect(storeLink).toMatchObject({ id: "store", code: distributor.code, url: `http://localhost:8000/?ref=${distributor.code}`, product_id: null, product: null })
      expect(storeLink.qr_svg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/)
      expect(storeLink.qr_png).toMatch(/^data:image\/png;base64,/)
      expect(Buffer.from(storeLink.qr_png.split(",")[1], "base64").subarray(1, 4).toString()).toBe("PNG")
      const { share_link: productLink } = await client.createShareLink({ product_id: seed.productIds.A })
      expect(productLink).toMatchObject({
        url: `http://localhost:8000/products/product-a?ref=${productLink.code}`,
        product_id: seed.productIds.A,
        product: { id: seed.productIds.A, title: "Product A", handle: "product-a", thumbnail: null },
      })
      expect(productLink.id).toMatch(/^dlink_/)
      expect(productLink.code).not.toBe(distributor.code)
      expect((await client.createShareLink({ product_id: seed.productIds.A })).share_link).toEqual(productLink)

      const listed = await client.listShareLinks()
      expect(listed).toEqual({ share_links: [storeLink, productLink], count: 2, limit: 20, offset: 0 })
      expect(await client.listShareLinks({ limit: 1, offset: 1 })).toEqual({ share_links: [productLink], count: 2, limit: 1, offset: 1 })

      // Posters: the product's title and lowest price in the asked region or currency.
      const { poster } = await client.getPoster(productLink.id, { region_id: seed.regionId })
      expect(poster).toEqual({
        title: "Product A",
        image: null,
        price: 100,
        currency_code: "usd",
        url: productLink.url,
        qr_svg: productLink.qr_svg,
        qr_png: productLink.qr_png,
        display_name: "Dina",
      })
      expect((await client.getPoster(productLink.id, { currency_code: "EUR" })).poster).toMatchObject({ price: null, currency_code: "eur" })
      const storePoster = (await client.getPoster("store")).poster
      expect(storePoster).toMatchObject({ image: null, price: null, currency_code: null, url: storeLink.url, qr_png: storeLink.qr_png })
      expect(await sdkStatus(client.getPoster("dlink_nope"))).toBe(404)

      expect(await client.listTeam({ level: 1 })).toEqual({ members: [], count: 0, limit: 20, offset: 0, can_view_performance: true })
      expect(await client.listCommissions({ status: "pending" })).toEqual({ commissions: [], count: 0, limit: 20, offset: 0 })
      expect(await client.listLinkStats()).toEqual({
        links: [
          { id: "store", code: distributor.code, product_id: null, url: storeLink.url, visits: 0, carts: 0, orders: 0, kept_gmv: [] },
          { id: productLink.id, code: productLink.code, product_id: seed.productIds.A, url: productLink.url, visits: 0, carts: 0, orders: 0, kept_gmv: [] },
        ],
        count: 2,
        limit: 20,
        offset: 0,
      })

      // Withdrawals, on a balance the settlement job would have credited.
      await getContainer()
        .resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
        .createLedgerEntries({ distributor_id: distributor.id, currency_code: "usd", amount: 50, type: "settlement", reference_id: "dcom_client" })
      expect(await sdkStatus(client.requestWithdrawal({ amount: 80, currency_code: "usd", method: "paypal", account: { email: "d@test.local" } }))).toBe(400)
      const { withdrawal } = await client.requestWithdrawal({ amount: 20, currency_code: "usd", method: "paypal", account: { email: "d@test.local" } })
      expect(withdrawal).toMatchObject({ status: "requested", amount: 20, fee_amount: 0, net_amount: 20, method: "paypal" })
      expect(await client.listWithdrawals({ status: "requested" })).toEqual({
        withdrawals: [expect.objectContaining({ ...withdrawal, reason: null, reference: null, paid_at: null })],
        count: 1,
        limit: 20,
        offset: 0,
      })
      expect((await client.getMe()).balances).toEqual([{ currency_code: "usd", pending: 0, frozen: 0, available: 30, withdrawn: 0 }])

      // The wallet's movements and this month's statement add up to the balance.
      const ledger = await client.listLedger()
      expect(ledger.ledger_entries.map((e) => [e.type, e.amount])).toEqual([["withdrawal", -20], ["settlement", 50]])
      expect(ledger).toMatchObject({ count: 2, limit: 20, offset: 0 })
      expect((await client.listLedger({ type: "settlement" })).ledger_entries.map((e) => e.reference_id)).toEqual(["dcom_client"])
      const month = new Date().toISOString().slice(0, 7)
      expect(await client.getStatements({ month })).toEqual({
        month,
        statements: [{ currency_code: "usd", opening: 0, credits: 50, debits: 20, closing: 30 }],
      })
      expect(await sdkStatus(client.getStatements({ month: "2026-13" }))).toBe(400)
    })

    it("the share flow: capture ?ref=, keep it for binding_days, attach it to a guest's cart; the order pays", async () => {
      await setSettings(api, admin, { binding_days: 10 })
      const carol = await makeDistributor(api, admin, seed, "carol@test.local")
      const { sdk, client } = storefront()
      const cookies = memoryCookies()
      const flow = createShareFlow({ client, cookies })

      expect(await flow.capture("http://localhost:8000/products/product-a")).toBeNull()
      expect(await flow.capture("http://localhost:8000/?ref=BADCODE9")).toMatchObject({ valid: false, kept: false })
      expect(cookies.jar.size).toBe(0)
      const captured = await flow.capture(`http://localhost:8000/?ref=${carol.distributor.code.toLowerCase()}&utm=x`)
      expect(captured).toMatchObject({ code: carol.distributor.code, valid: true, kept: true })
      expect(cookies.jar.get(REF_COOKIE)).toEqual({
        value: carol.distributor.code,
        options: { maxAge: 10 * 24 * 60 * 60, path: "/", sameSite: "lax" },
      })

      // A guest's cart, made with the SDK as a storefront does; the flow attaches the kept code.
      const { cart } = await sdk.store.cart.create({ region_id: seed.regionId, sales_channel_id: seed.salesChannelId, email: "guest@test.local" })
      const attached = await flow.attachToCart(cart.id)
      expect(attached?.metadata).toEqual({ distribution_code: carol.distributor.code })

      const order = await placeOrder(api, {
        seed,
        items: [{ variant_id: seed.variants.B, quantity: 2 }],
        beforeComplete: async (cartId) => {
          await flow.attachToCart(cartId)
        },
      })
      const view = await waitForOrderView(api, admin, order.id, (v) => v.commissions.length === 1)
      expect(view.attribution).toEqual({ distributor_id: carol.distributor.id, code: carol.distributor.code, source: "cart_code" })
      expect(view.commissions[0]).toMatchObject({ level: 1, amount: 10, status: "pending" }) // 10% of 2 × 50
    })

    it("the share flow after login: binds the customer; the code owner's own code is dropped", async () => {
      const carol = await makeDistributor(api, admin, seed, "carol@test.local")
      const { client, login } = storefront()
      const cookies = memoryCookies()
      const flow = createShareFlow({ client, cookies, bindingDays: 3 })
      await flow.capture(`http://localhost:8000/?ref=${carol.distributor.code}`)
      expect(cookies.jar.get(REF_COOKIE)?.options.maxAge).toBe(3 * 24 * 60 * 60)

      expect(await sdkStatus(flow.bindCustomer())).toBe(401) // not logged in yet: the caller logs in first
      const buyer = await registerCustomer(api, seed.storeHeaders, "newbie@test.local")
      await login("newbie@test.local")
      const binding = await flow.bindCustomer()
      expect(binding).toMatchObject({ customer_id: buyer.customer.id, distributor_id: carol.distributor.id, code: carol.distributor.code, source: "code" })

      // The distributor's own code on their own cart: refused, and forgotten.
      const own = storefront()
      await own.login("carol@test.local")
      const ownFlow = createShareFlow({ client: own.client, cookies: memoryCookies({ [REF_COOKIE]: carol.distributor.code }), bindingDays: 3 })
      const { cart } = await own.sdk.store.cart.create({ region_id: seed.regionId, sales_channel_id: seed.salesChannelId })
      expect(await ownFlow.attachToCart(cart.id)).toBeNull()
      expect(await ownFlow.current()).toBeNull()

      // The bound customer's order is attributed through the binding.
      const order = await placeOrder(api, { seed, customerHeaders: buyer.headers, items: [{ variant_id: seed.variants.A, quantity: 1 }] })
      const view = await waitForOrderView(api, admin, order.id, (v) => v.commissions.length === 1)
      expect(view.attribution).toMatchObject({ distributor_id: carol.distributor.id, source: "binding" })
      expect((await orderView(api, admin, order.id)).commissions[0].amount).toBe(10)
    })
  },
})
