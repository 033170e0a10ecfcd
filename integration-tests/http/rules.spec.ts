/**
 * Commission terms beyond one rate per level (issue "Commission rules"): product rules (rate,
 * fixed per unit, exclusion) with their precedence, grades, sales tiers and campaigns, all
 * frozen on the order when it is placed, and the compliance guards at save time. Orders are
 * placed the real way; amounts are exact.
 */
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminUser, getOrder, Headers, placeOrder, Seed, seedStore } from "../helpers/order-flow"
import { pgOf, waitForLockWaiters } from "../helpers/db"
import { boundBuyer, byLevel, makeDistributor, orderView, setSettings, statusOf, waitForOrderView } from "../helpers/distribution"

jest.setTimeout(240_000)

type Line = { product_id: string; quantity: number; base: number; rate?: number; fixed?: number; amount: number; source: string }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: Headers
    let seed: Seed

    beforeAll(async () => {
      admin = await createAdminUser(api, getContainer())
      seed = await seedStore(api, admin)
    })

    const post = async (url: string, body: unknown) => (await api.post(url, body, admin)).data
    /** A two-level chain (child under top) and a buyer bound to child. */
    async function chain() {
      const top = await makeDistributor(api, admin, seed, "top@test.local")
      const child = await makeDistributor(api, admin, seed, "child@test.local", top.distributor.id)
      const buyer = await boundBuyer(api, seed, "buyer@test.local", child.distributor.code)
      return { top, child, buyer }
    }
    const buy = async (headers: Headers, items: { variant_id: string; quantity: number }[], levels = 2) => {
      const order = await placeOrder(api, { seed, customerHeaders: headers, items })
      return waitForOrderView(api, admin, order.id, (v) => v.commissions.length === levels)
    }
    const lineOf = (lines: Line[], productId: string) => lines.find((l) => l.product_id === productId)!

    it("pays a product's rule per level: a rate, a fixed amount per unit, or nothing (an exclusion)", async () => {
      const { buyer } = await chain()
      const { rule: rateRule } = await post("/admin/distribution/rules", { scope: "product", scope_id: seed.productIds.A, kind: "rate", level_values: [0.2, 0.1] })
      const { rule: fixedRule } = await post("/admin/distribution/rules", {
        scope: "product", scope_id: seed.productIds.B, kind: "fixed", level_values: [3, 1], currency_code: "USD",
      })
      const { rule: none } = await post("/admin/distribution/rules", { scope: "product", scope_id: seed.productIds.C, kind: "none" })
      expect(rateRule).toMatchObject({ kind: "rate", level_values: [0.2, 0.1] })
      expect(fixedRule).toMatchObject({ kind: "fixed", level_values: [3, 1], currency_code: "usd" })

      const view = await buy(buyer.headers, [
        { variant_id: seed.variants.A, quantity: 1 },
        { variant_id: seed.variants.B, quantity: 2 },
        { variant_id: seed.variants.C, quantity: 1 },
      ])
      const { 1: l1, 2: l2 } = byLevel(view)
      // Level 1: A 100 × 20 % = 20, B 2 units × 3 = 6, C nothing → 26. Level 2: 10 + 2 + 0 = 12.
      expect(l1.amount).toBe(26)
      expect(l2.amount).toBe(12)
      const lines1 = l1.lines as unknown as Line[]
      expect(lineOf(lines1, seed.productIds.A)).toMatchObject({ base: 100, rate: 0.2, amount: 20, source: `rule:${rateRule.id}` })
      expect(lineOf(lines1, seed.productIds.B)).toMatchObject({ quantity: 2, base: 100, fixed: 3, amount: 6, source: `rule:${fixedRule.id}` })
      expect(lineOf(lines1, seed.productIds.C)).toMatchObject({ base: 30, rate: 0, amount: 0, source: `rule:${none.id}` })
      expect(lineOf(l2.lines as unknown as Line[], seed.productIds.A)).toMatchObject({ rate: 0.1, amount: 10 })
    })

    it("takes the most specific rule: product over category (and its sub-categories) over collection over type; then priority, then age", async () => {
      const { buyer } = await chain()
      const { product_category: parent } = await post("/admin/product-categories", { name: "Tea", is_active: true })
      const { product_category: leaf } = await post("/admin/product-categories", { name: "Green tea", parent_category_id: parent.id, is_active: true })
      const { collection } = await post("/admin/collections", { title: "Spring" })
      const { product_type: type } = await post("/admin/product-types", { value: "Leaves" })
      await post(`/admin/products/${seed.productIds.A}`, { categories: [{ id: leaf.id }], collection_id: collection.id, type_id: type.id })

      const rule = (scope: string, scope_id: string, rate: number, priority = 0) =>
        post("/admin/distribution/rules", { scope, scope_id, kind: "rate", level_values: [rate], priority }).then((r) => r.rule)
      await rule("product_type", type.id, 0.11)
      await rule("collection", collection.id, 0.12)
      const older = await rule("category", parent.id, 0.13)
      await rule("category", parent.id, 0.14) // same priority, newer: the older one wins
      const items = [{ variant_id: seed.variants.A, quantity: 1 }]
      // The rules set level 1 only: level 2 earns nothing on A, so each order has one commission.
      let view = await buy(buyer.headers, items, 1)
      expect(byLevel(view)[1].lines[0]).toMatchObject({ rate: 0.13, amount: 13, source: `rule:${older.id}` })

      const urgent = await rule("category", parent.id, 0.15, 5)
      view = await buy(buyer.headers, items, 1)
      expect(byLevel(view)[1].lines[0]).toMatchObject({ rate: 0.15, source: `rule:${urgent.id}` })

      const own = await rule("product", seed.productIds.A, 0.16)
      view = await buy(buyer.headers, items, 1)
      expect(byLevel(view)[1].lines[0]).toMatchObject({ rate: 0.16, amount: 16, source: `rule:${own.id}` })
      expect(byLevel(view)[2]).toBeUndefined()
    })

    it("a grade's rates replace the store's for its members; a sales tier reached this month pays more when it beats them", async () => {
      const { top, child, buyer } = await chain()
      const { grade } = await post("/admin/distribution/grades", { name: "高级", rank: 3, level_rates: [0.15, 0.08] })
      await post(`/admin/distribution/distributors/${top.distributor.id}`, { grade_id: grade.id })
      const { tier } = await post("/admin/distribution/tiers", { name: "100+", currency_code: "usd", min_sales: 100, level_rates: [0.12] })

      // Child has sold nothing this month yet: the store's 10 %; top, at level 2, its grade's 8 %.
      const first = byLevel(await buy(buyer.headers, [{ variant_id: seed.variants.A, quantity: 1 }]))
      expect(first[1].lines[0]).toMatchObject({ rate: 0.1, amount: 10, source: "level_rate" })
      expect(first[2].lines[0]).toMatchObject({ rate: 0.08, amount: 8, source: `grade:${grade.id}` })

      // 100 of kept sales: child reaches the tier, 12 % beats the store's 10 %.
      const second = byLevel(await buy(buyer.headers, [{ variant_id: seed.variants.B, quantity: 1 }]))
      expect(second[1].lines[0]).toMatchObject({ rate: 0.12, amount: 6, source: `tier:${tier.id}` })
      expect(second[1].distributor_id).toBe(child.distributor.id)
    })

    it("a campaign counts only for orders placed inside its window: from its start (inclusive) to its end (exclusive), to the millisecond", async () => {
      const container = getContainer()
      const { buyer } = await chain()
      const day = 24 * 60 * 60 * 1000
      const campaign = async (name: string, body: Record<string, unknown>) =>
        (await post("/admin/distribution/campaigns", {
          name, starts_at: new Date(Date.now() + day), ends_at: new Date(Date.now() + 2 * day), multiplier: 2, ...body,
        })).campaign
      // Store-wide ×2 campaigns that end exactly when the order is placed, or start 1 ms after it;
      // a ×1.5 one on product A that starts exactly then and ends 1 ms later.
      const ended = await campaign("ended", {})
      const later = await campaign("later", {})
      const now = await campaign("launch", { scope: "product", scope_ids: [seed.productIds.A], multiplier: 1.5 })

      // The order's placement time is known only once it is placed, and its terms are frozen by
      // the first sync: the test holds the campaign table, so that sync waits for it; the
      // windows are then set around the order's placement, to the millisecond, and released.
      const hold = await pgOf(container).transaction()
      try {
        await hold.raw("LOCK TABLE distribution_campaign IN ACCESS EXCLUSIVE MODE")
        const order = await placeOrder(api, {
          seed, customerHeaders: buyer.headers, items: [{ variant_id: seed.variants.A, quantity: 1 }, { variant_id: seed.variants.B, quantity: 1 }],
        })
        await waitForLockWaiters(container, 1)
        const at = new Date((await getOrder(container, order.id, ["id", "created_at"])).created_at as string).getTime()
        const window = (id: string, starts: number, ends: number) =>
          hold("distribution_campaign").where({ id }).update({ starts_at: new Date(starts), ends_at: new Date(ends) })
        await window(ended.id, at - day, at)
        await window(later.id, at + 1, at + day)
        await window(now.id, at, at + 1)
        await hold.commit()

        const view = byLevel(await waitForOrderView(api, admin, order.id, (v) => v.commissions.length === 2))
        // A: 10 % × 1.5 = 15 % → 15; B: neither ×2 campaign counts, the store's 10 % → 5. Level 2: 7.5 + 2.5.
        expect(view[1].amount).toBe(20)
        expect(view[2].amount).toBe(10)
        const lines = view[1].lines as unknown as Line[]
        expect(lineOf(lines, seed.productIds.A)).toMatchObject({ rate: 0.15, amount: 15, source: `level_rate+campaign:${now.id}` })
        expect(lineOf(lines, seed.productIds.B)).toMatchObject({ rate: 0.1, amount: 5, source: "level_rate" })
      } finally {
        if (!hold.isCompleted()) await hold.rollback()
      }
    })

    it("freezes the terms on the order: a rule changed after placement never moves its commission", async () => {
      const { buyer } = await chain()
      const { rule } = await post("/admin/distribution/rules", { scope: "product", scope_id: seed.productIds.A, kind: "rate", level_values: [0.2] })
      const view = await buy(buyer.headers, [{ variant_id: seed.variants.A, quantity: 1 }], 1)
      expect(view.commissions[0].amount).toBe(20)

      await post(`/admin/distribution/rules/${rule.id}`, { level_values: [0.05] })
      await setSettings(api, admin, { level_rates: [0.2, 0.1] })
      const again = (await api.post(`/admin/distribution/orders/${view.order_id}/sync`, {}, admin)).data
      expect(again.commissions.map((c: { amount: number }) => c.amount)).toEqual([20])
      expect((await orderView(api, admin, view.order_id)).commissions[0].adjustments).toEqual([])
    })

    it("refuses, at save time, terms that would pay a 4th level or more than max_total_rate, naming them", async () => {
      await setSettings(api, admin, { max_total_rate: 0.3, level_rates: [0.1, 0.05] })
      const refusal = async (url: string, body: unknown) => {
        try {
          await api.post(url, body, admin)
        } catch (e) {
          const { status, data } = (e as { response: { status: number; data: { message: string } } }).response
          return { status, message: data.message }
        }
        throw new Error(`${url} accepted ${JSON.stringify(body)}`)
      }
      expect(await refusal("/admin/distribution/grades", { name: "Greedy", rank: 9, level_rates: [0.2, 0.15] })).toEqual({
        status: 400,
        message: 'Grade "Greedy" pays 0.35 over its levels, above max_total_rate 0.3',
      })
      expect((await refusal("/admin/distribution/rules", { scope: "product", scope_id: "prod_x", kind: "rate", level_values: [0.1, 0.1, 0.05, 0.05] })).status).toBe(400)
      expect((await refusal("/admin/distribution/tiers", { name: "Top", currency_code: "usd", min_sales: 10, level_rates: [0.25, 0.1] })).message).toContain(
        'Sales tier "Top" pays 0.35'
      )
      const hour = 60 * 60 * 1000
      expect(
        await refusal("/admin/distribution/campaigns", {
          name: "Triple", starts_at: new Date(), ends_at: new Date(Date.now() + hour), multiplier: 3,
        })
      ).toEqual({
        status: 400,
        message: 'Campaign "Triple" multiplies the store\'s level rates to 0.45 over the levels, above max_total_rate 0.3',
      })

      const { grade } = await post("/admin/distribution/grades", { name: "Gold", rank: 2, level_rates: [0.2, 0.1] })
      const lowered = await refusal("/admin/distribution/settings", { max_total_rate: 0.2 })
      expect(lowered.status).toBe(400)
      expect(lowered.message).toContain('Grade "Gold" pays 0.3 over its levels, above max_total_rate 0.2')
      expect((await api.get("/admin/distribution/settings", admin)).data.settings.max_total_rate).toBe(0.3)

      // Nothing was written by any refusal.
      expect((await api.get("/admin/distribution/grades", admin)).data).toMatchObject({ count: 1, grades: [{ id: grade.id }] })
      expect((await api.get("/admin/distribution/rules", admin)).data.count).toBe(0)
      expect((await api.get("/admin/distribution/campaigns", admin)).data.count).toBe(0)
      expect(await statusOf(api.delete(`/admin/distribution/grades/${grade.id}`, admin))).toBe(200)
    })
  },
})
