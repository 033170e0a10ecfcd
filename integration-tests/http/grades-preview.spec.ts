/**
 * Grades over time (automatic upgrades on settlement, an admin's hand, agent pricing through
 * a customer group, what a grade may see), the what-if preview of draft rules on real orders,
 * and the settings presets. Orders are placed the real way; amounts are exact.
 */
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { capturePayment, createAdminUser, Headers, placeOrder, recordEvents, refundPayment, Seed, seedStore } from "../helpers/order-flow"
import { boundBuyer, makeDistributor, orderView, setSettings, statusOf, waitForOrderView } from "../helpers/distribution"
import { failInsertsInto, pgOf, rowsOf, warmPool } from "../helpers/db"
import { DISTRIBUTION_MODULE } from "../../src/modules/distribution"
import DistributionModuleService from "../../src/modules/distribution/service"
import { upgradeDistributorGradesWorkflow } from "../../src/workflows/grade/workflows/upgrade-distributor-grades"

jest.setTimeout(240_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: Headers
    let seed: Seed

    beforeAll(async () => {
      admin = await createAdminUser(api, getContainer())
      seed = await seedStore(api, admin)
    })

    const post = async (url: string, body: unknown) => (await api.post(url, body, admin)).data
    const get = async (url: string) => (await api.get(url, admin)).data

    /** Places an order of `items` as the buyer, captures it and settles its commissions. */
    async function settledOrder(buyer: Headers, items: { variant_id: string; quantity: number }[]) {
      const order = await placeOrder(api, { seed, customerHeaders: buyer, items })
      await waitForOrderView(api, admin, order.id, (v) => v.commissions.length > 0)
      await capturePayment(api, admin, order.id)
      await waitForOrderView(api, admin, order.id, (v) => v.commissions.every((c) => c.status === "frozen"))
      await post("/admin/distribution/commissions/settle", {})
      return order
    }

    it("moves a distributor up when a settlement meets a grade's conditions, records why, and joins the grade's customer group", async () => {
      await setSettings(api, admin, { settlement_trigger: "captured", freeze_days: 0 })
      const { customer_group: agents } = await post("/admin/customer-groups", { name: "Agents" })
      const { grade: junior } = await post("/admin/distribution/grades", {
        name: "初级", rank: 1, level_rates: [0.12], conditions: { own_sales: 100, match: "any" }, customer_group_id: agents.id,
      })
      const { grade: senior } = await post("/admin/distribution/grades", {
        name: "高级", rank: 2, level_rates: [0.15], conditions: { own_sales: 100, direct_buyers: 2, match: "all" },
      })
      const events = recordEvents(getContainer())
      const d = await makeDistributor(api, admin, seed, "grower@test.local")
      const buyer = await boundBuyer(api, seed, "buyer1@test.local", d.distributor.code)

      // 50 of kept sales: below every condition, no grade.
      await settledOrder(buyer.headers, [{ variant_id: seed.variants.B, quantity: 1 }])
      expect((await get(`/admin/distribution/distributors/${d.distributor.id}`)).distributor.grade_id).toBeNull()

      // 50 + 100 = 150 of own settled sales, one direct buyer: junior (any-of), not senior (all-of).
      await settledOrder(buyer.headers, [{ variant_id: seed.variants.A, quantity: 1 }])
      const after = await get(`/admin/distribution/distributors/${d.distributor.id}`)
      expect(after.distributor.grade_id).toBe(junior.id)
      expect(after.grade_changes).toHaveLength(1)
      expect(after.grade_changes[0]).toMatchObject({
        from_grade_id: null, to_grade_id: junior.id, source: "auto", actor_id: null,
        metrics: { own_sales: "150", team_sales: "0", direct_buyers: 1, team_size: 0 },
      })
      const { customer } = await get(`/admin/customers/${d.customer.id}?fields=groups.id`)
      expect(customer.groups.map((g: { id: string }) => g.id)).toEqual([agents.id])
      const upgraded = await events.waitFor("distribution.grade.upgraded")
      expect(upgraded[0].data).toEqual({ id: d.distributor.id, from_grade_id: null, to_grade_id: junior.id, source: "auto" })
      events.stop()

      // A second direct buyer with a settled order meets senior's all-of conditions; the group is left (senior names none).
      const buyer2 = await boundBuyer(api, seed, "buyer2@test.local", d.distributor.code)
      await settledOrder(buyer2.headers, [{ variant_id: seed.variants.C, quantity: 1 }])
      const top = await get(`/admin/distribution/distributors/${d.distributor.id}`)
      expect(top.distributor.grade_id).toBe(senior.id)
      expect(top.grade_changes[0]).toMatchObject({ from_grade_id: junior.id, to_grade_id: senior.id, metrics: { own_sales: "180", direct_buyers: 2 } })
      expect((await get(`/admin/customers/${d.customer.id}?fields=groups.id`)).customer.groups).toEqual([])

      // Running the upgrade again (a second worker, the daily job) changes nothing.
      await post("/admin/distribution/commissions/settle", {})
      expect((await get(`/admin/distribution/distributors/${d.distributor.id}`)).grade_changes).toHaveLength(2)
    })

    it("链动2+1, the compliant part: two direct referrals who bought (and kept it) move a distributor up; sign-ups never count", async () => {
      await setSettings(api, admin, { settlement_trigger: "captured", freeze_days: 0 })
      const { grade } = await post("/admin/distribution/grades", { name: "推广大使", rank: 1, level_rates: [0.12], conditions: { direct_buyers: 2 } })
      const d = await makeDistributor(api, admin, seed, "chain21@test.local")
      const gradeOf = async () => (await get(`/admin/distribution/distributors/${d.distributor.id}`)).distributor.grade_id
      // Recruits who never buy: no grade, however many (a pay-for-recruitment rule is not built).
      for (const n of ["recruit1", "recruit2", "recruit3"]) await boundBuyer(api, seed, `${n}@test.local`, d.distributor.code)
      const [b1, b2, b3] = await Promise.all(["db1", "db2", "db3"].map((n) => boundBuyer(api, seed, `${n}@test.local`, d.distributor.code)))

      // A direct buyer whose settled order is then refunded in full (30 + 10 shipping) kept nothing: not a buyer.
      const refunded = await settledOrder(b1.headers, [{ variant_id: seed.variants.C, quantity: 1 }])
      await refundPayment(api, admin, refunded.id, 40)
      await waitForOrderView(api, admin, refunded.id, (v) => v.commissions[0].amount === 0)
      await settledOrder(b2.headers, [{ variant_id: seed.variants.C, quantity: 1 }])
      expect(await gradeOf()).toBeNull()

      // The second direct referral who bought and kept it: up, on direct_buyers alone.
      await settledOrder(b3.headers, [{ variant_id: seed.variants.C, quantity: 1 }])
      expect(await gradeOf()).toBe(grade.id)
      const { grade_changes } = await get(`/admin/distribution/distributors/${d.distributor.id}`)
      expect(grade_changes).toHaveLength(1)
      expect(grade_changes[0]).toMatchObject({ from_grade_id: null, to_grade_id: grade.id, source: "auto", metrics: { own_sales: "60", direct_buyers: 2 } })
    })

    it("lets an admin set a grade by hand (recorded with who), and never downgrades automatically", async () => {
      await setSettings(api, admin, { settlement_trigger: "captured", freeze_days: 0 })
      const { grade: junior } = await post("/admin/distribution/grades", { name: "初级", rank: 1, level_rates: [0.1], conditions: { own_sales: 1 } })
      const { grade: top } = await post("/admin/distribution/grades", { name: "高级", rank: 5, level_rates: [0.2], conditions: { own_sales: 1_000_000 } })
      const d = await makeDistributor(api, admin, seed, "handpicked@test.local")
      const buyer = await boundBuyer(api, seed, "buyer3@test.local", d.distributor.code)

      const { distributor } = await post(`/admin/distribution/distributors/${d.distributor.id}`, { grade_id: top.id })
      expect(distributor.grade_id).toBe(top.id)
      // The settlement meets junior's condition only: the higher grade set by hand stays.
      const order = await settledOrder(buyer.headers, [{ variant_id: seed.variants.A, quantity: 1 }])
      expect((await orderView(api, admin, order.id)).commissions[0]).toMatchObject({ amount: 20, status: "settled" })
      const view = await get(`/admin/distribution/distributors/${d.distributor.id}`)
      expect(view.distributor.grade_id).toBe(top.id)
      expect(view.grade_changes).toHaveLength(1)
      expect(view.grade_changes[0]).toMatchObject({ from_grade_id: null, to_grade_id: top.id, source: "admin" })
      expect(view.grade_changes[0].actor_id).toMatch(/^user_/)
      // An admin may move it down; the unknown grade is a 404 and changes nothing.
      await post(`/admin/distribution/distributors/${d.distributor.id}`, { grade_id: junior.id })
      expect(await statusOf(api.post(`/admin/distribution/distributors/${d.distributor.id}`, { grade_id: "dgrd_missing" }, admin))).toBe(404)
      const final = await get(`/admin/distribution/distributors/${d.distributor.id}`)
      expect(final.distributor.grade_id).toBe(junior.id)
      expect(final.grade_changes.map((c: { to_grade_id: string }) => c.to_grade_id)).toEqual([junior.id, top.id])
    })

    it("distributor row lock: upgrades run on several workers at once record one move", async () => {
      const container = getContainer()
      const { grade } = await post("/admin/distribution/grades", { name: "初级", rank: 1, level_rates: [0.1], conditions: { own_sales: 100 } })
      const d = await makeDistributor(api, admin, seed, "racer@test.local")
      // 150 of own settled sales, as a settlement leaves it.
      await container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE).createCommissions({
        order_id: "order_seeded", distributor_id: d.distributor.id, level: 1, status: "settled", currency_code: "usd",
        amount: 15, accrued_amount: 15, base_amount: 150, lines: {} as Record<string, unknown>,
      })
      await warmPool(container, 12)
      const runs = await Promise.all(
        Array.from({ length: 6 }, () => upgradeDistributorGradesWorkflow(container).run({ input: { distributor_ids: [d.distributor.id] } }))
      )
      expect(runs.map((r) => r.result.length).sort()).toEqual([0, 0, 0, 0, 0, 1])
      const changes = await rowsOf(container, "distribution_grade_change", { distributor_id: d.distributor.id })
      expect(changes.map((c) => [c.from_grade_id, c.to_grade_id])).toEqual([[null, grade.id]])
    })

    it("set-distributor-grade: when joining the grade's customer group fails, the grade and its record are undone; the retry works", async () => {
      const container = getContainer()
      const { customer_group: agents } = await post("/admin/customer-groups", { name: "Agents" })
      const { grade } = await post("/admin/distribution/grades", { name: "代理", rank: 3, level_rates: [0.2], customer_group_id: agents.id })
      const d = await makeDistributor(api, admin, seed, "agent@test.local")
      const restore = await failInsertsInto(container, "customer_group_customer")
      try {
        expect(await statusOf(api.post(`/admin/distribution/distributors/${d.distributor.id}`, { grade_id: grade.id }, admin))).toBeGreaterThanOrEqual(400)
      } finally {
        await restore()
      }
      expect((await get(`/admin/distribution/distributors/${d.distributor.id}`)).distributor.grade_id).toBeNull()
      expect(await rowsOf(container, "distribution_grade_change", { distributor_id: d.distributor.id })).toEqual([])

      await post(`/admin/distribution/distributors/${d.distributor.id}`, { grade_id: grade.id })
      expect((await get(`/admin/distribution/distributors/${d.distributor.id}`)).distributor.grade_id).toBe(grade.id)
      expect((await get(`/admin/customers/${d.customer.id}?fields=groups.id`)).customer.groups).toEqual([{ id: agents.id }])
    })

    it("shows team performance only to grades that may see it", async () => {
      const { grade: hidden } = await post("/admin/distribution/grades", { name: "Starter", rank: 1, level_rates: [0.1], can_view_team: false })
      const parent = await makeDistributor(api, admin, seed, "parent@test.local")
      await makeDistributor(api, admin, seed, "member@test.local", parent.distributor.id)
      const open = (await api.get("/store/distribution/me/team?level=1", { headers: { ...parent.headers.headers, ...seed.storeHeaders.headers } })).data
      expect(open.can_view_performance).toBe(true)
      expect(open.members[0].performance).toEqual({ own_sales: "0", team_sales: "0", direct_buyers: 0, team_size: 0 })

      await post(`/admin/distribution/distributors/${parent.distributor.id}`, { grade_id: hidden.id })
      const closed = (await api.get("/store/distribution/me/team?level=1", { headers: { ...parent.headers.headers, ...seed.storeHeaders.headers } })).data
      expect(closed.can_view_performance).toBe(false)
      expect(closed.count).toBe(1)
      expect(closed.members[0].performance).toBeUndefined()
    })

    it("previews draft rules on the range's real orders against the rules in force, writing nothing", async () => {
      const d = await makeDistributor(api, admin, seed, "previewer@test.local")
      const buyer = await boundBuyer(api, seed, "buyer4@test.local", d.distributor.code)
      await post("/admin/distribution/rules", { scope: "product", scope_id: seed.productIds.B, kind: "none" })
      const order = await placeOrder(api, {
        seed, customerHeaders: buyer.headers, items: [{ variant_id: seed.variants.A, quantity: 2 }, { variant_id: seed.variants.B, quantity: 1 }],
      })
      // Level 1 at 10 % on A (200); B is excluded: 20. Level 2 has no distributor.
      const placed = await waitForOrderView(api, admin, order.id, (v) => v.commissions.length === 1)
      expect(placed.commissions[0].amount).toBe(20)
      const rulesBefore = (await get("/admin/distribution/rules")).rules

      const today = new Date().toISOString().slice(0, 10)
      const preview = await post("/admin/distribution/rules/preview", {
        rules: [
          { scope: "product", scope_id: seed.productIds.A, kind: "fixed", level_values: [7], currency_code: "usd" },
          { scope: "product", scope_id: seed.productIds.B, kind: "rate", level_values: [0.3] },
        ],
        from: today,
        to: today,
      })
      // Current: 20 on a kept 250. Draft: A 2 units × 7 = 14, B 50 × 30 % = 15 → 29 (the 30 % cap holds per line).
      expect(preview).toEqual({
        orders_considered: 1,
        truncated: false,
        current: [{ currency_code: "usd", orders: 1, gmv: "250", total: "20", levels: [{ level: 1, amount: "20" }], share_of_gmv: "0.08" }],
        draft: [{ currency_code: "usd", orders: 1, gmv: "250", total: "29", levels: [{ level: 1, amount: "29" }], share_of_gmv: "0.116" }],
      })
      // Nothing written: the rules and the order's commission are as they were.
      expect((await get("/admin/distribution/rules")).rules).toEqual(rulesBefore)
      expect((await orderView(api, admin, order.id)).commissions[0]).toMatchObject({ amount: 20 })
      // A range the wrong way round is refused.
      expect(await statusOf(api.post("/admin/distribution/rules/preview", { rules: [], from: today, to: "2020-01-01" }, admin))).toBe(400)
    })

    it("pays a month's team bonus (团队分红) once, on the team's settled sales, even when paid from two workers at once", async () => {
      const container = getContainer()
      await setSettings(api, admin, { settlement_trigger: "captured", freeze_days: 0 })
      const { grade: leaderGrade } = await post("/admin/distribution/grades", { name: "团队长", rank: 4, level_rates: [0.1, 0.05] })
      const leader = await makeDistributor(api, admin, seed, "leader@test.local")
      await post(`/admin/distribution/distributors/${leader.distributor.id}`, { grade_id: leaderGrade.id })
      const member = await makeDistributor(api, admin, seed, "member1@test.local", leader.distributor.id)
      const buyer = await boundBuyer(api, seed, "buyer5@test.local", member.distributor.code)
      const order = await settledOrder(buyer.headers, [{ variant_id: seed.variants.A, quantity: 1 }, { variant_id: seed.variants.B, quantity: 1 }])
      // The settlement happened last month (the month a bonus is paid for must be over).
      const now = new Date()
      const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15))
      const period = lastMonth.toISOString().slice(0, 7)
      await pgOf(container)("distribution_commission").where({ order_id: order.id }).update({ settled_at: lastMonth })

      // 0.1 + 0.05 of level rates leave 0.15 under max_total_rate 0.3.
      expect(await statusOf(api.post("/admin/distribution/team-bonus/plans", { name: "Too much", grade_id: leaderGrade.id, rate: 0.2 }, admin))).toBe(400)
      const { team_bonus_plan: plan } = await post("/admin/distribution/team-bonus/plans", { name: "团队分红", grade_id: leaderGrade.id, rate: 0.02 })
      expect(await statusOf(api.post("/admin/distribution/team-bonus/pay", { period: now.toISOString().slice(0, 7) }, admin))).toBe(400)

      await warmPool(container, 12)
      const results = await Promise.all(Array.from({ length: 4 }, () => post("/admin/distribution/team-bonus/pay", { period })))
      const payouts = results.flatMap((r) => r.payouts)
      // The member sold 150 of goods, settled: 2 % of it is 3, for the leader only (the member has no grade).
      expect(payouts).toHaveLength(1)
      expect(payouts[0]).toMatchObject({ plan_id: plan.id, period, distributor_id: leader.distributor.id, currency_code: "usd", team_sales: 150, amount: 3 })
      expect((await post("/admin/distribution/team-bonus/pay", { period })).payouts).toEqual([])

      const entries = await rowsOf(container, "distribution_ledger_entry", { distributor_id: leader.distributor.id })
      expect(entries.map((e) => [e.type, Number(e.amount)])).toEqual([["settlement", 7.5], ["team_bonus", 3]])
      const { balances } = (await get(`/admin/distribution/distributors/${leader.distributor.id}`))
      expect(balances).toEqual([{ currency_code: "usd", pending: 0, frozen: 0, available: 10.5, withdrawn: 0 }])
      expect((await get(`/admin/distribution/team-bonus/payouts?period=${period}`)).count).toBe(1)
    })

    it("applies a settings preset as one recorded change", async () => {
      const { presets } = await get("/admin/distribution/settings/presets")
      expect(presets.map((p: { name: string }) => p.name)).toEqual(["wechat_safe", "standard"])
      const { settings } = await post("/admin/distribution/settings/presets/standard", {})
      expect(settings).toMatchObject({ max_levels: 3, level_rates: [0.1, 0.05, 0.02], max_total_rate: 0.3 })
      const { changes } = await get("/admin/distribution/settings")
      expect(changes[0].changes).toMatchObject({ max_levels: { from: 2, to: 3 } })
      expect(await statusOf(api.post("/admin/distribution/settings/presets/pyramid", {}, admin))).toBe(404)
      const back = (await post("/admin/distribution/settings/presets/wechat_safe", {})).settings
      expect(back).toMatchObject({ max_levels: 2, level_rates: [0.1, 0.05], max_total_rate: 0.2 })
    })
  },
})
