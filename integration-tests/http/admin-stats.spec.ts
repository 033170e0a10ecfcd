import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { capturePayment, createAdminUser, Headers, placeOrder, refundPayment, Seed, seedStore } from "../helpers/order-flow"
import { boundBuyer, makeDistributor, setSettings, statusOf, waitForOrderView } from "../helpers/distribution"
import { DISTRIBUTION_MODULE } from "../../src/modules/distribution"
import DistributionModuleService from "../../src/modules/distribution/service"
import { pgOf } from "../helpers/db"
import rollupDistributionStatsJob from "../../src/jobs/rollup-daily-stats"
import type { AdminStatsResponse } from "../../src/types"

jest.setTimeout(180_000)

const DAY = 86_400_000
const dayOf = (t: number) => new Date(t).toISOString().slice(0, 10)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: Headers
    let seed: Seed

    beforeAll(async () => {
      admin = await createAdminUser(api, getContainer())
      seed = await seedStore(api, admin)
    })

    const service = () => getContainer().resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
    const stats = async (query: string) => (await api.get(`/admin/distribution/stats${query}`, admin)).data as AdminStatsResponse

    it("counts orders, GMV, commission accrued / reversed / settled, balances and levels exactly, live and rolled up", async () => {
      await setSettings(api, admin, { settlement_trigger: "captured", freeze_days: 0 })
      const top = await makeDistributor(api, admin, seed, "top@test.local")
      const child = await makeDistributor(api, admin, seed, "child@test.local", top.distributor.id)
      await api.get(`/store/distribution/codes/${child.distributor.code}`, seed.storeHeaders)
      const buyer = await boundBuyer(api, seed, "buyer@test.local", child.distributor.code)
      const buy = async (items: { variant_id: string; quantity: number }[]) => {
        const order = await placeOrder(api, { seed, customerHeaders: buyer.headers, items })
        await waitForOrderView(api, admin, order.id, (v) => v.commissions.length === 2)
        return order
      }

      // Order 1: A (100) → 10 + 5, captured and settled.
      const first = await buy([{ variant_id: seed.variants.A, quantity: 1 }])
      await capturePayment(api, admin, first.id)
      await waitForOrderView(api, admin, first.id, (v) => v.commissions.every((c) => c.status === "frozen"))
      // Order 2: A + B (150) → 15 + 7.5; a refund of 50 takes a third back (5 + 2.5), then settled.
      const second = await buy([
        { variant_id: seed.variants.A, quantity: 1 },
        { variant_id: seed.variants.B, quantity: 1 },
      ])
      await capturePayment(api, admin, second.id)
      await waitForOrderView(api, admin, second.id, (v) => v.commissions.every((c) => c.status === "frozen"))
      await refundPayment(api, admin, second.id, 50)
      await waitForOrderView(api, admin, second.id, (v) => v.commissions[0].amount === 10)
      expect((await api.post("/admin/distribution/commissions/settle", {}, admin)).data).toEqual({ settled: 4 })
      // Order 3: B (50) → 5 + 2.5, still pending.
      await buy([{ variant_id: seed.variants.B, quantity: 1 }])
      // The child takes 12 out of its 20.
      const { withdrawal } = (
        await api.post(
          "/store/distribution/me/withdrawals",
          { method: "paypal", account: { email: "c@test.local" }, currency_code: "usd", amount: 12 },
          child.headers
        )
      ).data
      await api.post(`/admin/distribution/withdrawals/${withdrawal.id}/approve`, {}, admin)
      await api.post(`/admin/distribution/withdrawals/${withdrawal.id}/mark-paid`, { reference: "T1" }, admin)

      const now = Date.now()
      const [from, today, to] = [dayOf(now - DAY), dayOf(now), dayOf(now + DAY)]
      const live = await stats(`?from=${from}&to=${to}`)
      const usd = (amount: number) => [{ currency_code: "usd", amount }]
      expect(live).toMatchObject({
        range: { from, to, days: 3 },
        distributors: { total: 2, active: 2, new: 2 },
        // Only the child has orders of its own: 1 of 2 active distributors sells.
        active_rate: 0.5,
        orders: 3,
        gmv: usd(300),
        commission: {
          accrued: usd(45),
          reversed: usd(7.5),
          settled: usd(30),
          // (45 − 7.5) / 300
          share_of_gmv: [{ currency_code: "usd", value: 0.125 }],
        },
        balances: [{ currency_code: "usd", pending: 7.5, frozen: 0, available: 18, withdrawn: 12 }],
        visits: 1,
        conversion: { visits: 1, carts: 0, orders: 3, visit_to_cart: 0, cart_to_order: null, visit_to_order: 3 },
        levels: [
          { level: 1, commissions: 3, accrued: usd(30), reversed: usd(5), settled: usd(20) },
          { level: 2, commissions: 3, accrued: usd(15), reversed: usd(2.5), settled: usd(10) },
        ],
        rolled_up_through: null,
      })
      expect(live.series).toEqual([
        { date: from, orders: 0, gmv: [], commission: [] },
        { date: today, orders: 3, gmv: usd(300), commission: usd(45) },
        { date: to, orders: 0, gmv: [], commission: [] },
      ])
      // Top sellers: the child sold all three and earned 30 − 5 on level 1; the top sold nothing itself.
      expect(live.top).toEqual([
        { distributor_id: child.distributor.id, code: child.distributor.code, display_name: null, status: "active", orders: 3, gmv: usd(300), commission: usd(25) },
      ])

      // The funnel agrees with the conversion stats of the same range.
      const conversion = await service().getConversionStats({ from: new Date(`${from}T00:00:00Z`), to: new Date(now + 2 * DAY) })
      expect([conversion.visits, conversion.carts, conversion.orders]).toEqual([1, 0, 3])

      // The rollup takes everything two hours old: at 03:00 today, today's first hour is in (with
      // the 30-day ranking of its sellers); the 30 days to today then read that ranking plus the
      // live rest (today's orders, placed after 01:00 but for a run just after midnight), the same as all live.
      const month = `?from=${dayOf(now - 29 * DAY)}&to=${today}`
      const liveMonth = await stats(month)
      expect(liveMonth).toMatchObject({ orders: 3, active_rate: 0.5, top: live.top, rolled_up_through: null })
      expect(await service().rollupDailyStats({ now: new Date(`${today}T03:00:00Z`) })).toEqual({ through: null, days: 0 })
      expect(await stats(month)).toEqual(liveMonth)

      // A day is rolled up once it is closed (from the first day with events: today); the overview reads the same from the rollup.
      expect(await service().rollupDailyStats({ now: new Date(now) })).toEqual({ through: null, days: 0 })
      // A day is closed two hours after it ends: at 03:00 the day after `to`, `to` is.
      const afterTo = new Date(Date.parse(`${to}T03:00:00Z`) + DAY)
      expect(await service().rollupDailyStats({ now: new Date(Date.parse(`${to}T01:00:00Z`) + DAY) })).toEqual({ through: today, days: 1 })
      expect(await service().rollupDailyStats({ now: afterTo })).toEqual({ through: to, days: 1 })
      const rolled = await stats(`?from=${from}&to=${to}`)
      expect(rolled).toEqual({ ...live, rolled_up_through: to })
      // Rolling up again does nothing (two workers at once find the days done).
      expect(await service().rollupDailyStats({ now: afterTo })).toEqual({ through: to, days: 0 })
      // The 30 days to the rollup's end: its sellers from the rollup's ranking alone, as live.
      const lastMonth = `?from=${dayOf(afterTo.getTime() - 29 * DAY)}&to=${dayOf(afterTo.getTime())}`
      expect(await stats(lastMonth)).toMatchObject({
        orders: 3,
        active_rate: 0.5,
        top: live.top,
        levels: live.levels,
        commission: live.commission,
        balances: live.balances,
        rolled_up_through: to,
      })
      // Half rolled up, half live: a range reaching past the rollup.
      const later = await stats(`?from=${today}&to=${dayOf(now + 5 * DAY)}`)
      expect(later).toMatchObject({ orders: 3, gmv: usd(300), commission: { accrued: usd(45) }, range: { days: 6 } })

      // The job does the same work and logs nothing when there is none.
      await rollupDistributionStatsJob(getContainer())

      // A seller suspended since no longer counts for the active rate, rolled up or live.
      await api.post(`/admin/distribution/distributors/${child.distributor.id}/suspend`, { reason: "review" }, admin)
      expect(await stats(`?from=${from}&to=${to}`)).toMatchObject({ distributors: { active: 1 }, active_rate: 0, rolled_up_through: to })
      const keptSuspended = await stats(lastMonth)
      expect(keptSuspended).toMatchObject({ distributors: { active: 1 }, active_rate: 0, top: [{ distributor_id: child.distributor.id, status: "suspended" }] })
      await pgOf(getContainer()).raw("DELETE FROM distribution_setting WHERE key = 'state:daily_stats'")
      expect(await stats(`?from=${from}&to=${to}`)).toMatchObject({ distributors: { active: 1 }, active_rate: 0, rolled_up_through: null })
      expect(await stats(lastMonth)).toEqual({ ...keptSuspended, rolled_up_through: null })
      // Without a state the rollup starts over, and reads the same again.
      expect(await service().rollupDailyStats({ now: afterTo })).toEqual({ through: to, days: 2 })
      expect(await stats(lastMonth)).toEqual(keptSuspended)
    })

    it("defaults to the last 30 days and refuses bad ranges with a message", async () => {
      const today = dayOf(Date.now())
      const fallback = await stats("")
      expect(fallback.range).toEqual({ from: dayOf(Date.now() - 29 * DAY), to: today, days: 30 })
      expect(fallback.series).toHaveLength(30)
      expect(fallback).toMatchObject({ orders: 0, gmv: [], active_rate: null, top: [], levels: [], balances: [] })

      const failure = async (query: string) => {
        try {
          await api.get(`/admin/distribution/stats${query}`, admin)
          return null
        } catch (e) {
          const { status, data } = (e as { response: { status: number; data: { message: string } } }).response
          return { status, message: data.message }
        }
      }
      expect(await failure("?from=yesterday")).toEqual({ status: 400, message: expect.stringContaining("from must be an ISO date") })
      expect(await failure("?from=2026-02-30")).toEqual({ status: 400, message: expect.stringContaining("from must be an ISO date") })
      expect(await failure("?from=2026-03-02&to=2026-03-01")).toEqual({ status: 400, message: expect.stringContaining("must not be after") })
      expect(await failure("?from=2025-01-01&to=2026-03-01")).toEqual({ status: 400, message: expect.stringContaining("at most 366") })
      expect(await statusOf(api.get("/admin/distribution/stats?from=2026-01-01T10:00:00Z&to=2026-01-31", admin))).toBe(200)
    })
  },
})
