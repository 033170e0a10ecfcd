import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminUser, Headers, placeOrder, registerCustomer, Seed, seedStore } from "../helpers/order-flow"
import { boundBuyer, makeDistributor, statusOf, waitForOrderView } from "../helpers/distribution"
import { DISTRIBUTION_MODULE } from "../../src/modules/distribution"
import DistributionModuleService from "../../src/modules/distribution/service"
import type { AdminCustomerDistribution, BatchDistributorResult } from "../../src/types"

jest.setTimeout(180_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: Headers
    let seed: Seed

    beforeAll(async () => {
      admin = await createAdminUser(api, getContainer())
      seed = await seedStore(api, admin)
    })

    const service = () => getContainer().resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
    const get = async (path: string) => (await api.get(path, admin)).data
    const failure = async (p: Promise<unknown>) => {
      try {
        await p
        return null
      } catch (e) {
        const { status, data } = (e as { response: { status: number; data: { message: string } } }).response
        return { status, message: data.message }
      }
    }

    /** A pending applicant: a registered customer who applied (enrollment_mode defaults to approval). */
    async function applicant(email: string, first_name?: string) {
      const { customer, headers } = await registerCustomer(api, seed.storeHeaders, email)
      if (first_name) await api.post(`/admin/customers/${customer.id}`, { first_name }, admin)
      const { distributor } = (await api.post("/store/distribution/apply", {}, headers)).data
      return { customer, headers, distributor: distributor as { id: string; code: string; status: string } }
    }

    it("lists distributors with fields, order, status, search by code, email or name, and pagination", async () => {
      const alice = await applicant("alice@shop.test", "Alice")
      const bob = await applicant("bob@shop.test", "Bobby")
      const carol = await makeDistributor(api, admin, seed, "carol@other.test")

      const all = await get("/admin/distribution/distributors")
      expect(all.count).toBe(3)
      expect(all).toMatchObject({ limit: 20, offset: 0 })
      // Newest first by default, with the documented fields.
      expect(all.distributors.map((d: { id: string }) => d.id)).toEqual([carol.distributor.id, bob.distributor.id, alice.distributor.id])
      expect(Object.keys(all.distributors[0])).toEqual(
        expect.arrayContaining(["id", "customer_id", "code", "status", "parent_id", "grade_id", "created_at"])
      )

      const slim = await get("/admin/distribution/distributors?fields=id,code,customer.email&order=created_at&limit=2&offset=1")
      expect(slim).toMatchObject({ count: 3, limit: 2, offset: 1 })
      // Query adds the link key (customer_id) it joins on, as in Medusa's own lists; nothing else.
      expect(slim.distributors).toEqual([
        { id: bob.distributor.id, code: bob.distributor.code, customer_id: bob.customer.id, customer: { id: bob.customer.id, email: "bob@shop.test" } },
        { id: carol.distributor.id, code: carol.distributor.code, customer_id: carol.customer.id, customer: { id: carol.customer.id, email: "carol@other.test" } },
      ])
      const byCode = await get("/admin/distribution/distributors?fields=code&order=code")
      expect(byCode.distributors.map((d: { code: string }) => d.code)).toEqual(
        [alice, bob, carol].map((d) => d.distributor.code).sort()
      )

      const ids = (r: { distributors: { id: string }[] }) => r.distributors.map((d) => d.id).sort()
      expect(ids(await get("/admin/distribution/distributors?status=pending"))).toEqual([alice.distributor.id, bob.distributor.id].sort())
      expect(ids(await get("/admin/distribution/distributors?status=active"))).toEqual([carol.distributor.id])
      expect(ids(await get("/admin/distribution/distributors?q=shop.test"))).toEqual([alice.distributor.id, bob.distributor.id].sort())
      expect(ids(await get("/admin/distribution/distributors?q=bobby"))).toEqual([bob.distributor.id])
      expect(ids(await get(`/admin/distribution/distributors?q=${carol.distributor.code.toLowerCase()}`))).toEqual([carol.distributor.id])
      expect(ids(await get("/admin/distribution/distributors?q=shop.test&status=active"))).toEqual([])
      expect((await get("/admin/distribution/distributors?q=nobody-at-all")).count).toBe(0)

      expect(await failure(api.get("/admin/distribution/distributors?limit=101", admin))).toMatchObject({ status: 400 })
      expect(await failure(api.get("/admin/distribution/distributors?limit=0", admin))).toMatchObject({ status: 400 })
      expect(await failure(api.get("/admin/distribution/distributors?offset=-1", admin))).toMatchObject({ status: 400 })
      expect(await failure(api.get("/admin/distribution/distributors?status=sleeping", admin))).toMatchObject({ status: 400 })
      expect(await failure(api.get("/admin/distribution/distributors?order=customer_secret", admin))).toEqual({
        status: 400,
        message: "Order field customer_secret is not valid",
      })
      expect(await failure(api.get("/admin/distribution/distributors?order=customer.email", admin))).toEqual({
        status: 400,
        message: expect.stringContaining("order takes one of the list's own fields"),
      })
    })

    it("lists commissions by status, level, distributor, order and date, with fields and order; withdrawals by status and distributor", async () => {
      const top = await makeDistributor(api, admin, seed, "top@test.local")
      const child = await makeDistributor(api, admin, seed, "child@test.local", top.distributor.id)
      const buyer = await boundBuyer(api, seed, "buyer@test.local", child.distributor.code)
      const first = await placeOrder(api, { seed, customerHeaders: buyer.headers, items: [{ variant_id: seed.variants.A, quantity: 1 }] })
      await waitForOrderView(api, admin, first.id, (v) => v.commissions.length === 2)
      const second = await placeOrder(api, { seed, customerHeaders: buyer.headers, items: [{ variant_id: seed.variants.B, quantity: 1 }] })
      await waitForOrderView(api, admin, second.id, (v) => v.commissions.length === 2)

      const all = await get("/admin/distribution/commissions")
      expect(all.count).toBe(4)
      expect(all.commissions.slice(0, 2).map((c: { order_id: string }) => c.order_id)).toEqual([second.id, second.id])
      const newest = all.commissions.find((c: { order_id: string; level: number }) => c.order_id === second.id && c.level === 1)
      expect(newest).toMatchObject({ amount: 5, accrued_amount: 5, reversed_amount: 0, currency_code: "usd" })
      expect(newest.lines).toEqual([expect.objectContaining({ base: 50, rate: 0.1, amount: 5 })])

      const amounts = (r: { commissions: { amount: number }[] }) => r.commissions.map((c) => c.amount)
      expect(amounts(await get("/admin/distribution/commissions?level=2&order=amount"))).toEqual([2.5, 5])
      expect(amounts(await get(`/admin/distribution/commissions?distributor_id=${child.distributor.id}&order=-amount`))).toEqual([10, 5])
      expect(amounts(await get(`/admin/distribution/commissions?order_id=${first.id}&order=level`))).toEqual([10, 5])
      expect((await get("/admin/distribution/commissions?status=pending")).count).toBe(4)
      expect((await get("/admin/distribution/commissions?status=settled")).count).toBe(0)
      expect((await get("/admin/distribution/commissions?status[]=settled&status[]=pending")).count).toBe(4)
      const tomorrow = new Date(Date.now() + 86_400_000).toISOString()
      expect((await get(`/admin/distribution/commissions?created_at[$gte]=${tomorrow}`)).count).toBe(0)
      expect((await get(`/admin/distribution/commissions?created_at[$lt]=${tomorrow}`)).count).toBe(4)

      const slim = await get(`/admin/distribution/commissions?fields=id,amount,order.display_id&order_id=${first.id}&order=level`)
      expect(slim.commissions).toEqual([
        { id: expect.any(String), amount: 10, order_id: first.id, order: { id: first.id, display_id: expect.any(Number) } },
        { id: expect.any(String), amount: 5, order_id: first.id, order: { id: first.id, display_id: expect.any(Number) } },
      ])

      // Withdrawals: a funded distributor asks twice; one is rejected.
      await service().createLedgerEntries({ distributor_id: child.distributor.id, currency_code: "usd", amount: 50, type: "settlement", reference_id: "dcom_funds" })
      const ask = async (amount: number) =>
        (
          await api.post(
            "/store/distribution/me/withdrawals",
            { method: "paypal", account: { email: "c@test.local" }, currency_code: "usd", amount },
            child.headers
          )
        ).data.withdrawal
      const w1 = await ask(10)
      const w2 = await ask(20)
      await api.post(`/admin/distribution/withdrawals/${w1.id}/reject`, { reason: "wrong account" }, admin)
      const requested = await get("/admin/distribution/withdrawals?status=requested")
      expect(requested.withdrawals).toEqual([expect.objectContaining({ id: w2.id, amount: 20, fee_amount: 0, net_amount: 20, status: "requested" })])
      expect((await get(`/admin/distribution/withdrawals?distributor_id=${child.distributor.id}&order=amount&fields=id,amount`)).withdrawals).toEqual([
        { id: w1.id, amount: 10 },
        { id: w2.id, amount: 20 },
      ])
      expect((await get(`/admin/distribution/withdrawals?distributor_id=${top.distributor.id}`)).count).toBe(0)
    })

    it("approves, rejects and suspends in bulk, reporting each id it can't change", async () => {
      const a = await applicant("a@test.local")
      const b = await applicant("b@test.local")
      const active = await makeDistributor(api, admin, seed, "active@test.local")

      const batch = async (body: Record<string, unknown>) =>
        (await api.post("/admin/distribution/distributors/batch", body, admin)).data.results as BatchDistributorResult[]
      expect(await batch({ ids: [a.distributor.id, active.distributor.id, "dist_missing"], action: "approve" })).toEqual([
        { id: a.distributor.id, ok: true, status: "active" },
        {
          id: active.distributor.id,
          ok: false,
          status: "active",
          error: `Cannot approve: Distributor ${active.distributor.id} is active: approve applies to pending or rejected ones`,
        },
        { id: "dist_missing", ok: false, error: "Distributor dist_missing was not found" },
      ])
      expect((await get(`/admin/distribution/distributors/${a.distributor.id}`)).distributor).toMatchObject({ status: "active" })

      expect(await batch({ ids: [b.distributor.id], action: "reject", reason: "incomplete profile" })).toEqual([
        { id: b.distributor.id, ok: true, status: "rejected" },
      ])
      expect((await get(`/admin/distribution/distributors/${b.distributor.id}`)).distributor).toMatchObject({
        status: "rejected",
        status_reason: "incomplete profile",
      })
      expect(await batch({ ids: [a.distributor.id, active.distributor.id], action: "suspend", reason: "fraud review" })).toEqual([
        { id: a.distributor.id, ok: true, status: "suspended" },
        { id: active.distributor.id, ok: true, status: "suspended" },
      ])

      expect(await failure(api.post("/admin/distribution/distributors/batch", { ids: [a.distributor.id], action: "reject" }, admin))).toEqual({
        status: 400,
        message: expect.stringContaining("A reason is required to reject or suspend"),
      })
      expect(await statusOf(api.post("/admin/distribution/distributors/batch", { ids: [], action: "approve" }, admin))).toBe(400)
      expect(await statusOf(api.post("/admin/distribution/distributors/batch", { ids: ["x"], action: "delete" }, admin))).toBe(400)
    })

    it("answers the customer widget: the customer as a distributor, its parent, team, balances and binding", async () => {
      const top = await makeDistributor(api, admin, seed, "top@test.local")
      const child = await makeDistributor(api, admin, seed, "child@test.local", top.distributor.id)
      const buyer = await boundBuyer(api, seed, "buyer@test.local", child.distributor.code)

      const asChild = (await get(`/admin/distribution/customers/${child.customer.id}`)) as AdminCustomerDistribution
      expect(asChild).toMatchObject({
        customer_id: child.customer.id,
        distributor: { id: child.distributor.id, code: child.distributor.code, status: "active", parent_id: top.distributor.id },
        parent: { id: top.distributor.id, code: top.distributor.code, status: "active" },
        team_counts: { "1": 0, "2": 0, "3": 0 },
        balances: [],
        binding: null,
      })
      expect((await get(`/admin/distribution/customers/${top.customer.id}`)).team_counts).toEqual({ "1": 1, "2": 0, "3": 0 })

      const asBuyer = (await get(`/admin/distribution/customers/${buyer.customer.id}`)) as AdminCustomerDistribution
      expect(asBuyer).toMatchObject({
        distributor: null,
        parent: null,
        team_counts: null,
        balances: [],
        binding: {
          distributor_id: child.distributor.id,
          code: child.distributor.code,
          active: true,
          expires_at: null,
          distributor: { id: child.distributor.id, code: child.distributor.code, status: "active" },
        },
      })
      expect(await failure(api.get("/admin/distribution/customers/cus_missing", admin))).toEqual({
        status: 404,
        message: "Customer cus_missing was not found",
      })
    })
  },
})
