/**
 * 推三返一 (refer-N-get-one) on real orders: when N customers a distributor referred each have
 * a settled order within the window, the distributor is credited the smallest of those
 * orders' kept value (capped), once, as a `refer_reward` ledger entry. A reward for sales,
 * never for sign-ups. Paid when commissions settle and by the daily job; safe to run twice
 * and on two workers at once.
 */
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { capturePayment, createAdminUser, Headers, LineInput, placeOrder, recordEvents, Seed, seedStore } from "../helpers/order-flow"
import { boundBuyer, makeDistributor, setSettings, waitForOrderView } from "../helpers/distribution"
import { pgOf, rowsOf, waitForLockWaiters, warmPool } from "../helpers/db"
import payDistributionReferRewardsJob from "../../src/jobs/pay-refer-rewards"

jest.setTimeout(240_000)

const DAY = 86_400_000

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: Headers
    let seed: Seed

    beforeAll(async () => {
      admin = await createAdminUser(api, getContainer())
      seed = await seedStore(api, admin)
    })

    beforeEach(async () => {
      await setSettings(api, admin, {
        settlement_trigger: "captured", freeze_days: 0,
        refer_reward_enabled: true, refer_reward_n: 3, refer_reward_window_days: 30, refer_reward_cap: null,
      })
    })

    const settle = async () => (await api.post("/admin/distribution/commissions/settle", {}, admin)).data
    const dailyJob = () => payDistributionReferRewardsJob(getContainer())

    /** Places an order as the buyer and waits for its commission, still pending (not captured). */
    async function placed(buyer: Headers, items: LineInput[]) {
      const order = await placeOrder(api, { seed, customerHeaders: buyer, items })
      await waitForOrderView(api, admin, order.id, (v) => v.commissions.length > 0)
      return order
    }
    /** Captures the order and runs the settlement (freeze_days 0: it settles at once). */
    async function settled(orderId: string) {
      await capturePayment(api, admin, orderId)
      await waitForOrderView(api, admin, orderId, (v) => v.commissions.every((c) => c.status === "frozen"))
      await settle()
      await waitForOrderView(api, admin, orderId, (v) => v.commissions.every((c) => c.status === "settled"), 2000)
    }
    const settledOrder = async (buyer: Headers, items: LineInput[]) => {
      const order = await placed(buyer, items)
      await settled(order.id)
      return order
    }
    /** An order placed `days` ago: its placement moved back in Medusa's order and in the frozen attribution. */
    async function backdate(orderId: string, days: number) {
      const at = new Date(Date.now() - days * DAY)
      await pgOf(getContainer())("order").where({ id: orderId }).update({ created_at: at })
      await pgOf(getContainer())("distribution_order_attribution").where({ order_id: orderId }).update({ created_at: at })
    }
    const ledger = async (distributorId: string) =>
      (await rowsOf(getContainer(), "distribution_ledger_entry", { distributor_id: distributorId })).map((e) => [e.type, Number(e.amount)])
    const rewards = (distributorId: string) => rowsOf(getContainer(), "distribution_refer_reward", { distributor_id: distributorId })

    it("credits the smallest of N referred customers' settled orders, once, as its own ledger entry; N-1, sign-ups and unsettled orders earn nothing", async () => {
      const events = recordEvents(getContainer())
      const d = await makeDistributor(api, admin, seed, "sharer@test.local")
      const [b1, b2, b3, waiting] = await Promise.all(
        ["b1", "b2", "b3", "waiting"].map((n) => boundBuyer(api, seed, `${n}@test.local`, d.distributor.code))
      )
      // Sign-ups through the code that never buy: no pay per recruit, however many.
      for (const n of ["signup1", "signup2", "signup3"]) await boundBuyer(api, seed, `${n}@test.local`, d.distributor.code)

      const o1 = await settledOrder(b1.headers, [{ variant_id: seed.variants.A, quantity: 1 }]) // 100
      const o2 = await settledOrder(b2.headers, [{ variant_id: seed.variants.B, quantity: 1 }, { variant_id: seed.variants.C, quantity: 1 }]) // 80
      const unsettled = await placed(waiting.headers, [{ variant_id: seed.variants.C, quantity: 1 }]) // 30, pending

      // N-1 = 2 settled orders, 3 sign-ups and a pending order: nothing, from the settlement or the daily job.
      await dailyJob()
      expect(await rewards(d.distributor.id)).toEqual([])
      expect(await ledger(d.distributor.id)).toEqual([["settlement", 10], ["settlement", 8]])

      // The third referred customer's order settles: the smallest of 100, 80, 150 is credited.
      const o3 = await settledOrder(b3.headers, [{ variant_id: seed.variants.A, quantity: 1 }, { variant_id: seed.variants.B, quantity: 1 }]) // 150
      const [reward] = await rewards(d.distributor.id)
      expect(reward).toMatchObject({
        currency_code: "usd", order_ids: [o1.id, o2.id, o3.id], base_order_id: o2.id, n: 3, window_days: 30, cap: null,
      })
      expect([Number(reward.base_amount), Number(reward.amount)]).toEqual([80, 80])
      expect(await ledger(d.distributor.id)).toEqual([["settlement", 10], ["settlement", 8], ["settlement", 15], ["refer_reward", 80]])
      const [entry] = await rowsOf(getContainer(), "distribution_ledger_entry", { type: "refer_reward" })
      expect(entry).toMatchObject({ reference_id: reward.id, currency_code: "usd" })
      expect(entry.note).toContain(`the smallest, ${o2.id} (80)`)
      expect((await events.waitFor("distribution.refer_reward.paid"))[0].data).toEqual({
        id: reward.id, distributor_id: d.distributor.id, currency_code: "usd",
      })

      // Settlement and the daily job again, twice: nothing more.
      await settle()
      await dailyJob()
      await settle()
      await dailyJob()
      expect(await rewards(d.distributor.id)).toHaveLength(1)
      // The pending order settles now: one more counted order is not N; the used ones never count again.
      await settled(unsettled.id)
      await dailyJob()
      expect(await rewards(d.distributor.id)).toHaveLength(1)
      expect(await ledger(d.distributor.id)).toEqual([
        ["settlement", 10], ["settlement", 8], ["settlement", 15], ["refer_reward", 80], ["settlement", 3],
      ])
      const me = (await api.get("/store/distribution/me", d.headers)).data
      expect(me.balances).toEqual([{ currency_code: "usd", pending: 0, frozen: 0, available: 116, withdrawn: 0 }])
      expect(events.named("distribution.refer_reward.paid")).toHaveLength(1)
      events.stop()
    })

    it("counts only orders placed within the window of the first one, and pays at most refer_reward_cap", async () => {
      await setSettings(api, admin, { refer_reward_cap: 40 })
      // The reward has been on for 60 days (orders placed before it was switched on never count).
      await pgOf(getContainer())("distribution_setting_change").update({ created_at: new Date(Date.now() - 60 * DAY) })
      const d = await makeDistributor(api, admin, seed, "windowed@test.local")
      const [b1, b2, b3, b4] = await Promise.all(["w1", "w2", "w3", "w4"].map((n) => boundBuyer(api, seed, `${n}@test.local`, d.distributor.code)))

      // 31 days ago: outside a 30-day window of today's orders. 29 days ago: inside it.
      const old = await placed(b1.headers, [{ variant_id: seed.variants.C, quantity: 1 }])
      await backdate(old.id, 31)
      await settled(old.id)
      const recent = await placed(b2.headers, [{ variant_id: seed.variants.A, quantity: 1 }])
      await backdate(recent.id, 29)
      await settled(recent.id)
      const o3 = await settledOrder(b3.headers, [{ variant_id: seed.variants.A, quantity: 1 }])
      // Three referred customers with settled orders, but not three within 30 days: nothing.
      await dailyJob()
      expect(await rewards(d.distributor.id)).toEqual([])

      const o4 = await settledOrder(b4.headers, [{ variant_id: seed.variants.A, quantity: 1 }, { variant_id: seed.variants.B, quantity: 1 }])
      const [reward] = await rewards(d.distributor.id)
      // The smallest of 100, 100, 150 is 100, capped at 40; the 31-day-old order stays uncounted.
      expect(reward).toMatchObject({ order_ids: [recent.id, o3.id, o4.id], cap: "40" })
      expect([Number(reward.base_amount), Number(reward.amount)]).toEqual([100, 40])
      expect((await ledger(d.distributor.id)).filter(([type]) => type === "refer_reward")).toEqual([["refer_reward", 40]])
      expect((await rowsOf(getContainer(), "distribution_refer_reward_order", { distributor_id: d.distributor.id })).map((r) => r.order_id).sort()).toEqual(
        [recent.id, o3.id, o4.id].sort()
      )
      expect(await rowsOf(getContainer(), "distribution_refer_reward_order", { order_id: old.id })).toEqual([])
    })

    it("never pays for orders placed before the reward was switched on", async () => {
      await setSettings(api, admin, { refer_reward_enabled: false })
      const d = await makeDistributor(api, admin, seed, "late@test.local")
      const [b1, b2, b3, b4, b5] = await Promise.all(
        ["l1", "l2", "l3", "l4", "l5"].map((n) => boundBuyer(api, seed, `${n}@test.local`, d.distributor.code))
      )
      await settledOrder(b1.headers, [{ variant_id: seed.variants.C, quantity: 1 }])
      await settledOrder(b2.headers, [{ variant_id: seed.variants.C, quantity: 1 }])
      await setSettings(api, admin, { refer_reward_enabled: true })
      // Four referred customers with settled orders, but two of them bought before it was on: nothing.
      await settledOrder(b3.headers, [{ variant_id: seed.variants.A, quantity: 1 }])
      await settledOrder(b4.headers, [{ variant_id: seed.variants.A, quantity: 1 }])
      await dailyJob()
      expect(await rewards(d.distributor.id)).toEqual([])

      const o5 = await settledOrder(b5.headers, [{ variant_id: seed.variants.B, quantity: 1 }])
      const [reward] = await rewards(d.distributor.id)
      expect(reward.order_ids).toHaveLength(3)
      expect(reward).toMatchObject({ base_order_id: o5.id })
      expect((await ledger(d.distributor.id)).filter(([type]) => type === "refer_reward")).toEqual([["refer_reward", 50]])
    })

    it("advisory lock per distributor: two workers running the daily job at once credit once", async () => {
      const container = getContainer()
      const d = await makeDistributor(api, admin, seed, "raced@test.local")
      const buyers = await Promise.all(["r1", "r2", "r3"].map((n) => boundBuyer(api, seed, `${n}@test.local`, d.distributor.code)))
      // Settled while 4 are needed; then the admin asks for 3: the daily job is the one to pay it.
      await setSettings(api, admin, { refer_reward_n: 4 })
      for (const b of buyers) await settledOrder(b.headers, [{ variant_id: seed.variants.B, quantity: 1 }])
      expect(await rewards(d.distributor.id)).toEqual([])
      await setSettings(api, admin, { refer_reward_n: 3 })

      // Both workers must be inside the payment at once: the test holds the reward table, so
      // whichever gets furthest waits on it; the other waits on the distributor's lock (or,
      // without it, on the table too). Then both go on.
      await warmPool(container, 12)
      const hold = await pgOf(container).transaction()
      await hold.raw("LOCK TABLE distribution_refer_reward IN ACCESS EXCLUSIVE MODE")
      const runs = Promise.allSettled([dailyJob(), dailyJob()])
      await waitForLockWaiters(container, 2)
      await hold.commit()
      const outcomes = await runs
      expect(outcomes.map((o) => (o.status === "rejected" ? String(o.reason?.message ?? o.reason) : "ok"))).toEqual(["ok", "ok"])

      const paid = await rewards(d.distributor.id)
      expect(paid).toHaveLength(1)
      expect(Number(paid[0].amount)).toBe(50)
      expect(await ledger(d.distributor.id)).toEqual([["settlement", 5], ["settlement", 5], ["settlement", 5], ["refer_reward", 50]])
    })
  },
})
