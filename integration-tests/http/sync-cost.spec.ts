import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createAdminUser, Headers, placeOrder, Seed, seedStore } from "../helpers/order-flow"
import { boundBuyer, makeDistributor, waitForOrderView } from "../helpers/distribution"
import { DISTRIBUTION_MODULE } from "../../src/modules/distribution"
import DistributionModuleService from "../../src/modules/distribution/service"

jest.setTimeout(180_000)

type Knex = { on(e: string, fn: (q: { sql: string }) => void): void; off(e: string, fn: (q: { sql: string }) => void): void }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: Headers
    let seed: Seed

    beforeAll(async () => {
      admin = await createAdminUser(api, getContainer())
      seed = await seedStore(api, admin)
    })

    /** SQL statements one admin re-sync of the order sends: the sync's cost, counted, not timed. */
    async function queriesOfSync(orderId: string) {
      const knex = getContainer().resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
      const statements: string[] = []
      const listen = (q: { sql: string }) => void statements.push(q.sql)
      knex.on("query", listen)
      try {
        await api.post(`/admin/distribution/orders/${orderId}/sync`, {}, admin)
      } finally {
        knex.off("query", listen)
      }
      return statements.length
    }

    async function teamOf(size: number, parentId: string) {
      const service = getContainer().resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
      const members = await service.createDistributors(
        Array.from({ length: size }, (_, i) => ({ customer_id: `cus_team_${parentId}_${i}`, code: `T${i}X${parentId.slice(-6)}`, status: "active" as const, parent_id: parentId }))
      )
      await service.createTeamPaths(members.map((m) => ({ ancestor_id: parentId, descendant_id: m.id, depth: 1 })))
    }

    it("syncing an order costs the same number of queries with a team of 3 or of 400", async () => {
      const small = await makeDistributor(api, admin, seed, "small@test.local")
      const large = await makeDistributor(api, admin, seed, "large@test.local")
      await teamOf(3, small.distributor.id)
      await teamOf(400, large.distributor.id)

      const counts: number[] = []
      for (const [who, email] of [
        [small, "buys-small@test.local"],
        [large, "buys-large@test.local"],
      ] as const) {
        const buyer = await boundBuyer(api, seed, email, who.distributor.code)
        const order = await placeOrder(api, { seed, customerHeaders: buyer.headers, items: [{ variant_id: seed.variants.A, quantity: 1 }] })
        await waitForOrderView(api, admin, order.id, (v) => v.commissions.length === 1)
        counts.push(await queriesOfSync(order.id))
      }
      expect(counts[0]).toBeGreaterThan(0)
      expect(counts[1]).toBe(counts[0])
    })
  },
})
