import { join } from "path"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { DISTRIBUTION_MODULE } from "../../src/modules/distribution"
import DistributionModuleService from "../../src/modules/distribution/service"
import { asJson, OrderCommissionPlan } from "../../src/modules/distribution/calculations"

jest.setTimeout(60_000)

moduleIntegrationTestRunner<DistributionModuleService>({
  moduleName: DISTRIBUTION_MODULE,
  resolve: "./src/modules/distribution",
  // The schema a store gets: from the migrations, not from the models (a key missing in a
  // migration must fail here too).
  pathToMigrations: join(__dirname, "../../src/modules/distribution/migrations"),
  moduleOptions: { max_levels: 3, level_rates: [0.1, 0.05, 0.02] },
  testSuite: ({ service }) => {
    const distributor = (customer: string, status: "active" | "pending" = "active") =>
      service.createDistributors({ customer_id: customer, code: customer.toUpperCase(), status })

    const frozenCommission = (orderId: string, distributorId: string, amount: number, level = 1) =>
      service.createCommissions({
        order_id: orderId,
        distributor_id: distributorId,
        level,
        currency_code: "usd",
        status: "frozen",
        available_at: new Date(Date.now() - 1000),
        amount,
        accrued_amount: amount,
        reversed_amount: 0,
        lines: asJson([]),
      })

    it("takes plugin options as defaults beneath stored settings, and refuses a fourth level", async () => {
      expect(await service.getSettings()).toMatchObject({ max_levels: 3, level_rates: [0.1, 0.05, 0.02], enrollment_mode: "approval" })
      await expect(service.changeSettings({ max_levels: 4 as 3 }, "user_1")).rejects.toThrow("max_levels must be 1, 2 or 3")
      const { changes } = await service.changeSettings({ freeze_days: 0 }, "user_1")
      expect(changes).toEqual({ freeze_days: { from: 7, to: 0 } })
      expect((await service.getSettings()).freeze_days).toBe(0)
      expect(await service.listSettingChanges()).toEqual([expect.objectContaining({ actor_id: "user_1", changes })])
    })

    it("keeps closure rows for three levels when parents change, and refuses cycles", async () => {
      const [a, b, c, d] = await Promise.all(["a", "b", "c", "d"].map((x) => distributor(x)))
      await service.setParent(b.id, a.id)
      await service.setParent(c.id, b.id)
      await service.setParent(d.id, c.id)
      expect(await service.listUplineIds(d.id)).toEqual([c.id, b.id, a.id])
      expect(await service.countTeam(a.id)).toEqual({ "1": 1, "2": 1, "3": 1 })
      expect(await service.listChain(d.id, 3)).toEqual([
        { level: 1, distributor_id: d.id, status: "active", grade_id: null },
        { level: 2, distributor_id: c.id, status: "active", grade_id: null },
        { level: 3, distributor_id: b.id, status: "active", grade_id: null },
      ])

      await expect(service.setParent(a.id, d.id)).rejects.toThrow("would create a cycle")
      await expect(service.setParent(a.id, a.id)).rejects.toThrow("cannot be its own parent")

      // Moving b's branch under a new root: c and d follow, a loses them.
      const e = await distributor("e")
      await service.setParent(b.id, e.id)
      expect(await service.listUplineIds(d.id)).toEqual([c.id, b.id, e.id])
      expect(await service.countTeam(a.id)).toEqual({ "1": 0, "2": 0, "3": 0 })
      expect(await service.countTeam(e.id)).toEqual({ "1": 1, "2": 1, "3": 1 })
    })

    it("settles each matured commission once, even with two workers settling at the same moment", async () => {
      const a = await distributor("a")
      await Promise.all(Array.from({ length: 25 }, (_, i) => frozenCommission(`order_${i}`, a.id, 1.1)))

      const [first, second] = await Promise.all([
        service.settleMaturedCommissions({ limit: 10 }),
        service.settleMaturedCommissions({ limit: 10 }),
      ])
      const third = await service.settleMaturedCommissions({ limit: 100 })
      const ids = [...first, ...second, ...third].map((c) => c.id)
      expect(new Set(ids).size).toBe(25)
      expect(ids).toHaveLength(25)
      expect(await service.settleMaturedCommissions()).toEqual([])

      const ledger = await service.listLedgerEntries({ distributor_id: a.id })
      expect(ledger).toHaveLength(25)
      expect(await service.getBalances(a.id)).toEqual([{ currency_code: "usd", pending: 0, frozen: 0, available: 27.5, withdrawn: 0 }])
    })

    it("unique keys: one settlement per commission, one commission per order level, one attribution per order, one wallet per currency", async () => {
      const a = await distributor("a")
      const entry = { distributor_id: a.id, currency_code: "usd", amount: 5, type: "settlement" as const, reference_id: "dcom_1" }
      await service.createLedgerEntries(entry)
      await expect(service.createLedgerEntries(entry)).rejects.toThrow()
      // Entries without a reference (none are written today) are not held to it.
      await service.createLedgerEntries({ ...entry, type: "admin_adjustment", reference_id: null })
      await service.createLedgerEntries({ ...entry, type: "admin_adjustment", reference_id: null })

      await frozenCommission("order_u", a.id, 1)
      await expect(frozenCommission("order_u", a.id, 2)).rejects.toThrow()
      await frozenCommission("order_u", a.id, 2, 2)

      const attribution = { order_id: "order_u", currency_code: "usd", terms: {}, max_total_rate: "0.3", lines: {} }
      await service.createOrderAttributions(attribution)
      await expect(service.createOrderAttributions(attribution)).rejects.toThrow()

      await service.createWalletAccounts({ distributor_id: a.id, currency_code: "usd" })
      await expect(service.createWalletAccounts({ distributor_id: a.id, currency_code: "usd" })).rejects.toThrow()
      await service.createWalletAccounts({ distributor_id: a.id, currency_code: "eur" })
    })

    it("applies only differences, and claws back after settlement", async () => {
      const a = await distributor("a")
      const plan = (amount: string, first = false): OrderCommissionPlan => ({
        order_id: "order_1",
        currency_code: "usd",
        attribution: first
          ? { distributor_id: a.id, code: "A", source: "binding", terms: [], max_total_rate: "0.3", lines: {}, line_terms: null, customer_id: "cus_1", currency_code: "usd" }
          : null,
        bind_buyer: null,
        new_lines: {},
        expected: [{ level: 1, distributor_id: a.id, amount, base: "0", lines: [] }],
        new_line_terms: {},
        triggered_now: null,
        frozen_until: null,
        enroll_buyer: false,
      })
      const apply = (p: OrderCommissionPlan, reason: string, source_id: string | null = null) =>
        service.applyOrderPlan({ plan: p, reason, source_id, now: new Date(), settings: { binding_policy: "first", binding_days: 30 } })

      const created = await apply(plan("12.34", true), "order.placed")
      expect(created.created).toHaveLength(1)
      expect(await apply(plan("12.34"), "order.placed")).toEqual({ created: [], adjusted: [] })

      await service.updateCommissions({ id: created.created[0], status: "frozen", available_at: new Date(Date.now() - 1) })
      await service.settleMaturedCommissions()
      await apply(plan("2.34"), "payment.refunded", "pay_1")

      const [commission] = await service.listCommissions({ order_id: "order_1" })
      expect(commission).toMatchObject({ status: "settled", amount: 2.34, accrued_amount: 12.34, reversed_amount: 10 })
      const entries = await service.listLedgerEntries({ distributor_id: a.id }, { order: { created_at: "ASC" } })
      expect(entries.map((e) => [e.type, e.amount])).toEqual([
        ["settlement", 12.34],
        ["clawback", -10],
      ])
    })
  },
})
