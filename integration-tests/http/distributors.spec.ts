import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { completeOrder, createAdminUser, Headers, placeOrder, registerCustomer, Seed, seedStore, waitFor } from "../helpers/order-flow"
import { makeDistributor, setSettings, statusOf, waitForOrderView } from "../helpers/distribution"
import { DISTRIBUTION_MODULE } from "../../src/modules/distribution"
import DistributionModuleService from "../../src/modules/distribution/service"

jest.setTimeout(180_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: Headers
    let seed: Seed

    beforeAll(async () => {
      admin = await createAdminUser(api, getContainer())
      seed = await seedStore(api, admin)
    })

    describe("enrollment", () => {
      it("approval: apply → pending, admin approves; applying again returns the same distributor", async () => {
        const { headers } = await registerCustomer(api, seed.storeHeaders, "apply@test.local")
        const first = (await api.post("/store/distribution/apply", { display_name: "Lin" }, headers)).data.distributor
        expect(first).toMatchObject({ status: "pending", display_name: "Lin", parent_id: null, grade_id: null })
        expect(first.code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/)
        const again = (await api.post("/store/distribution/apply", {}, headers)).data.distributor
        expect(again.id).toBe(first.id)

        const approved = (await api.post(`/admin/distribution/distributors/${first.id}/approve`, {}, admin)).data.distributor
        expect(approved.status).toBe("active")
        expect(await statusOf(api.post(`/admin/distribution/distributors/${first.id}/approve`, {}, admin))).toBe(400)
        expect(await statusOf(api.post(`/admin/distribution/distributors/${first.id}/reject`, {}, admin))).toBe(400)
      })

      it("open: apply → active under the distributor the customer is bound to; invite_only refuses", async () => {
        await setSettings(api, admin, { enrollment_mode: "open" })
        const top = await makeDistributor(api, admin, seed, "top@test.local")
        const { headers } = await registerCustomer(api, seed.storeHeaders, "recruit@test.local")
        await api.post("/store/distribution/bind", { code: top.distributor.code }, headers)
        const recruit = (await api.post("/store/distribution/apply", {}, headers)).data.distributor
        expect(recruit).toMatchObject({ status: "active", parent_id: top.distributor.id })

        const team = (await api.get("/store/distribution/me/team?level=1", top.headers)).data
        expect(team).toMatchObject({ count: 1, limit: 20, offset: 0 })
        expect(team.members.map((m: { id: string }) => m.id)).toEqual([recruit.id])

        await setSettings(api, admin, { enrollment_mode: "invite_only" })
        const other = await registerCustomer(api, seed.storeHeaders, "uninvited@test.local")
        expect(await statusOf(api.post("/store/distribution/apply", {}, other.headers))).toBe(400)
      })

      it("after_first_order: a buyer becomes a distributor when their order reaches settlement", async () => {
        await setSettings(api, admin, { enrollment_mode: "after_first_order", settlement_trigger: "completed" })
        const buyer = await registerCustomer(api, seed.storeHeaders, "firstorder@test.local")
        expect(await statusOf(api.post("/store/distribution/apply", {}, buyer.headers))).toBe(400)
        const order = await placeOrder(api, { seed, customerHeaders: buyer.headers, items: [{ variant_id: seed.variants.C, quantity: 1 }] })
        await completeOrder(api, admin, order.id)
        const service = getContainer().resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
        const [distributor] = await waitFor(() => service.listDistributors({ customer_id: buyer.customer.id }), {
          until: (l) => l.length === 1,
          timeout: 15000,
        })
        expect(distributor.status).toBe("active")
      })

      it("apply, then bind: a distributor without a parent takes the code's owner as parent, never one in their own team", async () => {
        await setSettings(api, admin, { enrollment_mode: "open" })
        const top = await makeDistributor(api, admin, seed, "top@test.local")
        const { headers } = await registerCustomer(api, seed.storeHeaders, "early@test.local")
        const early = (await api.post("/store/distribution/apply", {}, headers)).data.distributor
        expect(early.parent_id).toBeNull()

        // Someone early brought in: binding that person to early's code can't make early their child.
        const recruit = await registerCustomer(api, seed.storeHeaders, "recruit@test.local")
        await api.post("/store/distribution/bind", { code: early.code }, recruit.headers)
        const recruited = (await api.post("/store/distribution/apply", {}, recruit.headers)).data.distributor
        expect(recruited.parent_id).toBe(early.id)

        const { binding } = (await api.post("/store/distribution/bind", { code: top.distributor.code }, headers)).data
        expect(binding).toMatchObject({ distributor_id: top.distributor.id })
        const me = (await api.get("/store/distribution/me", headers)).data.distributor
        expect(me.parent_id).toBe(top.distributor.id)
        const team = (await api.get(`/admin/distribution/distributors/${top.distributor.id}`, admin)).data.team_counts
        expect(team).toEqual({ "1": 1, "2": 1, "3": 0 })

        // The other way round would be a cycle: the binding is made, the parent stays.
        const { binding: back } = (await api.post("/store/distribution/bind", { code: recruited.code }, top.headers)).data
        expect(back).toMatchObject({ distributor_id: recruited.id })
        expect((await api.get("/store/distribution/me", top.headers)).data.distributor.parent_id).toBeNull()
      })
    })

    describe("binding policies", () => {
      it("first: the first binding stays", async () => {
        const a = await makeDistributor(api, admin, seed, "a@test.local")
        const b = await makeDistributor(api, admin, seed, "b@test.local")
        const { headers } = await registerCustomer(api, seed.storeHeaders, "shopper@test.local")
        const bound = (await api.post("/store/distribution/bind", { code: a.distributor.code.toLowerCase() }, headers)).data.binding
        expect(bound).toMatchObject({ distributor_id: a.distributor.id, source: "code", expires_at: null })
        expect(await statusOf(api.post("/store/distribution/bind", { code: b.distributor.code }, headers))).toBe(400)
        // Re-binding to the same distributor is harmless.
        expect((await api.post("/store/distribution/bind", { code: a.distributor.code }, headers)).data.binding.id).toBe(bound.id)
      })

      it("override: the newest code wins, on a binding and on the cart", async () => {
        await setSettings(api, admin, { binding_policy: "override" })
        const a = await makeDistributor(api, admin, seed, "a@test.local")
        const b = await makeDistributor(api, admin, seed, "b@test.local")
        const c = await makeDistributor(api, admin, seed, "c@test.local")
        const shopper = await registerCustomer(api, seed.storeHeaders, "shopper@test.local")
        await api.post("/store/distribution/bind", { code: a.distributor.code }, shopper.headers)
        const rebound = (await api.post("/store/distribution/bind", { code: b.distributor.code }, shopper.headers)).data.binding
        expect(rebound.distributor_id).toBe(b.distributor.id)

        const order = await placeOrder(api, {
          seed,
          customerHeaders: shopper.headers,
          items: [{ variant_id: seed.variants.A, quantity: 1 }],
          beforeComplete: async (cartId) => {
            const { cart } = (await api.post(`/store/carts/${cartId}/distribution`, { code: c.distributor.code }, shopper.headers)).data
            expect(cart.metadata.distribution_code).toBe(c.distributor.code)
          },
        })
        const view = await waitForOrderView(api, admin, order.id, (v) => v.commissions.length === 1)
        expect(view.attribution).toEqual({ distributor_id: c.distributor.id, code: c.distributor.code, source: "cart_code" })
        expect(view.commissions[0]).toMatchObject({ distributor_id: c.distributor.id, amount: 10 })
      })

      it("expiring: a new code takes over only after binding_days", async () => {
        await setSettings(api, admin, { binding_policy: "expiring", binding_days: 30 })
        const a = await makeDistributor(api, admin, seed, "a@test.local")
        const b = await makeDistributor(api, admin, seed, "b@test.local")
        const { headers } = await registerCustomer(api, seed.storeHeaders, "shopper@test.local")
        const bound = (await api.post("/store/distribution/bind", { code: a.distributor.code }, headers)).data.binding
        const days = (new Date(bound.expires_at).getTime() - new Date(bound.bound_at).getTime()) / 86_400_000
        expect(days).toBe(30)
        expect(await statusOf(api.post("/store/distribution/bind", { code: b.distributor.code }, headers))).toBe(400)

        const service = getContainer().resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
        await service.updateBindings({ id: bound.id, expires_at: new Date(Date.now() - 1000) })
        const taken = (await api.post("/store/distribution/bind", { code: b.distributor.code }, headers)).data.binding
        expect(taken.distributor_id).toBe(b.distributor.id)

        // A shopper coming back through the same distributor's link after expiry is bound anew.
        await service.updateBindings({ id: taken.id, expires_at: new Date(Date.now() - 1000) })
        const renewed = (await api.post("/store/distribution/bind", { code: b.distributor.code }, headers)).data.binding
        expect(new Date(renewed.expires_at).getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000)
      })

      it("a guest's cart code attributes the order; a customer's own code never does", async () => {
        const a = await makeDistributor(api, admin, seed, "a@test.local")
        const guestOrder = await placeOrder(api, {
          seed,
          items: [{ variant_id: seed.variants.B, quantity: 1 }],
          beforeComplete: async (cartId) => {
            await api.post(`/store/carts/${cartId}/distribution`, { code: a.distributor.code }, seed.storeHeaders)
          },
        })
        const view = await waitForOrderView(api, admin, guestOrder.id, (v) => v.commissions.length === 1)
        expect(view.commissions[0]).toMatchObject({ distributor_id: a.distributor.id, amount: 5 })

        expect(await statusOf(api.post("/store/distribution/bind", { code: a.distributor.code }, a.headers))).toBe(400)
        expect(await statusOf(api.post("/store/distribution/bind", { code: "NOPE2345" }, a.headers))).toBe(404)
      })
    })

    describe("team tree", () => {
      it("shows the upline and team per level, and refuses cycles at any depth", async () => {
        const a = await makeDistributor(api, admin, seed, "a@test.local")
        const b = await makeDistributor(api, admin, seed, "b@test.local", a.distributor.id)
        const c = await makeDistributor(api, admin, seed, "c@test.local", b.distributor.id)
        const d = await makeDistributor(api, admin, seed, "d@test.local", c.distributor.id)

        const detail = (await api.get(`/admin/distribution/distributors/${d.distributor.id}`, admin)).data
        expect(detail.upline.map((u: { id: string }) => u.id)).toEqual([c.distributor.id, b.distributor.id, a.distributor.id])
        const top = (await api.get(`/admin/distribution/distributors/${a.distributor.id}`, admin)).data
        expect(top.team_counts).toEqual({ "1": 1, "2": 1, "3": 1 })
        const level3 = (await api.get(`/admin/distribution/distributors/${a.distributor.id}/team?level=3`, admin)).data
        expect(level3.members.map((m: { id: string }) => m.id)).toEqual([d.distributor.id])

        for (const descendant of [b, c, d]) {
          expect(await statusOf(api.post(`/admin/distribution/distributors/${a.distributor.id}/parent`, { parent_id: descendant.distributor.id }, admin))).toBe(400)
        }
        expect(await statusOf(api.post(`/admin/distribution/distributors/${a.distributor.id}/parent`, { parent_id: a.distributor.id }, admin))).toBe(400)
        expect((await api.get(`/admin/distribution/distributors/${a.distributor.id}`, admin)).data.distributor.parent_id).toBeNull()

        // Moving c (with d) to the top rewrites the closure rows below it.
        await api.post(`/admin/distribution/distributors/${c.distributor.id}/parent`, { parent_id: null }, admin)
        expect((await api.get(`/admin/distribution/distributors/${a.distributor.id}`, admin)).data.team_counts).toEqual({ "1": 1, "2": 0, "3": 0 })
        expect((await api.get(`/admin/distribution/distributors/${d.distributor.id}`, admin)).data.upline.map((u: { id: string }) => u.id)).toEqual([
          c.distributor.id,
        ])
      })

      it("lists and searches distributors by status, code and email", async () => {
        const a = await makeDistributor(api, admin, seed, "alice@test.local")
        await makeDistributor(api, admin, seed, "bob@test.local")
        await api.post(`/admin/distribution/distributors/${a.distributor.id}/suspend`, { reason: "review" }, admin)
        const suspended = (await api.get("/admin/distribution/distributors?status=suspended", admin)).data
        expect(suspended.distributors.map((d: { id: string }) => d.id)).toEqual([a.distributor.id])
        expect(suspended.distributors[0].status_reason).toBe("review")
        const byEmail = (await api.get("/admin/distribution/distributors?q=alice", admin)).data
        expect(byEmail.distributors.map((d: { id: string }) => d.id)).toEqual([a.distributor.id])
        const byCode = (await api.get(`/admin/distribution/distributors?q=${a.distributor.code.slice(0, 5)}`, admin)).data
        expect(byCode.distributors.map((d: { id: string }) => d.id)).toContain(a.distributor.id)
      })
    })

    describe("share links and codes", () => {
      it("gives a store link and a per-product code with QR, and resolves codes recording visits", async () => {
        const a = await makeDistributor(api, admin, seed, "a@test.local")
        const store = (await api.post("/store/distribution/me/share-links", {}, a.headers)).data.share_link
        expect(store).toMatchObject({ code: a.distributor.code, url: `http://localhost:8000/?ref=${a.distributor.code}` })
        expect(store.qr_svg).toContain("<svg")

        const product = (await api.post("/store/distribution/me/share-links", { product_id: seed.productIds.A }, a.headers)).data.share_link
        expect(product.code).not.toBe(a.distributor.code)
        expect(product.url).toBe(`http://localhost:8000/products/product-a?ref=${product.code}`)
        const again = (await api.post("/store/distribution/me/share-links", { product_id: seed.productIds.A }, a.headers)).data.share_link
        expect(again.code).toBe(product.code)

        const lookup = (await api.get(`/store/distribution/codes/${product.code}`, seed.storeHeaders)).data
        expect(lookup).toEqual({ code: product.code, valid: true, distributor: { display_name: a.distributor.code }, product_id: seed.productIds.A })
        const missing = (await api.get("/store/distribution/codes/ZZZZ9999", seed.storeHeaders)).data
        expect(missing).toMatchObject({ valid: false, distributor: null })
        const service = getContainer().resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
        expect(await service.listCodeVisits({ distributor_id: a.distributor.id })).toHaveLength(1)
      })
    })

    describe("access", () => {
      it("answers 401 without a customer on store routes and without an admin on admin routes", async () => {
        const h = seed.storeHeaders
        for (const [method, url] of [
          ["post", "/store/distribution/apply"],
          ["get", "/store/distribution/me"],
          ["get", "/store/distribution/me/team"],
          ["get", "/store/distribution/me/commissions"],
          ["post", "/store/distribution/me/share-links"],
          ["post", "/store/distribution/bind"],
        ] as const) {
          const call = method === "get" ? api.get(url, h) : api.post(url, {}, h)
          expect([url, await statusOf(call)]).toEqual([url, 401])
        }
        for (const url of ["/admin/distribution/distributors", "/admin/distribution/commissions", "/admin/distribution/settings"]) {
          expect([url, await statusOf(api.get(url))]).toEqual([url, 401])
        }
        expect(await statusOf(api.post("/admin/distribution/commissions/settle", {}))).toBe(401)
      })

      it("shows a customer only their own distributor data", async () => {
        const a = await makeDistributor(api, admin, seed, "a@test.local")
        const b = await makeDistributor(api, admin, seed, "b@test.local", a.distributor.id)
        const meA = (await api.get("/store/distribution/me", a.headers)).data
        const meB = (await api.get("/store/distribution/me", b.headers)).data
        expect(meA.distributor.id).toBe(a.distributor.id)
        expect(meB.distributor.id).toBe(b.distributor.id)
        // b sees no team of a's; a stranger has no distributor data at all.
        expect((await api.get("/store/distribution/me/team?level=1", b.headers)).data.count).toBe(0)
        const stranger = await registerCustomer(api, seed.storeHeaders, "stranger@test.local")
        expect(await statusOf(api.get("/store/distribution/me", stranger.headers))).toBe(404)
        expect(await statusOf(api.get("/store/distribution/me/commissions", stranger.headers))).toBe(404)
      })

      it("rejects bad input with 400 and changes nothing", async () => {
        expect(await statusOf(api.post("/admin/distribution/settings", { level_rates: [1.5] }, admin))).toBe(400)
        expect(await statusOf(api.post("/admin/distribution/settings", { enrollment_mode: "pyramid" }, admin))).toBe(400)
        expect(await statusOf(api.post("/admin/distribution/settings", { unknown_key: 1 }, admin))).toBe(400)
        const { settings, changes } = (await api.get("/admin/distribution/settings", admin)).data
        expect(settings).toMatchObject({ max_levels: 2, level_rates: [0.1, 0.05], enrollment_mode: "approval" })
        expect(changes).toEqual([])
        expect(await statusOf(api.post("/admin/distribution/distributors", { customer_id: "cus_missing" }, admin))).toBe(404)

        const existing = await makeDistributor(api, admin, seed, "existing@test.local")
        expect(await statusOf(api.post("/admin/distribution/distributors", { customer_id: existing.customer.id }, admin))).toBe(409)
        const fresh = await registerCustomer(api, seed.storeHeaders, "fresh@test.local")
        expect(await statusOf(api.post("/admin/distribution/distributors", { customer_id: fresh.customer.id, parent_id: "dist_missing" }, admin))).toBe(404)
        const { distributors } = (await api.get("/admin/distribution/distributors", admin)).data
        expect(distributors.map((d: { customer_id: string }) => d.customer_id)).toEqual([existing.customer.id])
      })
    })
  },
})
