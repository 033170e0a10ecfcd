/**
 * `npm run bench`: what a sync and a settlement cost, written to bench/results.json.
 * Numbers are compared within one run (ratios), never asserted: machines are shared.
 */
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { existsSync, readFileSync, writeFileSync } from "fs"
import { join } from "path"
import { createAdminUser, Headers, placeOrder, Seed, seedStore } from "../integration-tests/helpers/order-flow"
import { boundBuyer, makeDistributor, waitForOrderView } from "../integration-tests/helpers/distribution"
import { DISTRIBUTION_MODULE } from "../src/modules/distribution"
import DistributionModuleService from "../src/modules/distribution/service"
import { asJson } from "../src/modules/distribution/calculations"
import { syncOrderCommissionsWorkflow } from "../src/workflows/commission/workflows/sync-order-commissions"

jest.setTimeout(600_000)

const RUNS = 30
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: Headers
    let seed: Seed
    const results: Record<string, unknown> = { at: new Date().toISOString(), runs: RUNS }

    beforeAll(async () => {
      admin = await createAdminUser(api, getContainer())
      seed = await seedStore(api, admin)
    })

    afterAll(() => {
      // Merged: other benches (export.bench.ts) keep their keys.
      const file = join(__dirname, "results.json")
      const previous = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {}
      writeFileSync(file, JSON.stringify({ ...previous, ...results }, null, 2) + "\n")
      console.log(JSON.stringify(results, null, 2))
    })

    async function timeSyncs(teamSize: number, email: string) {
      const service = getContainer().resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
      const head = await makeDistributor(api, admin, seed, `${email}-head@bench.local`)
      const members = await service.createDistributors(
        Array.from({ length: teamSize }, (_, i) => ({ customer_id: `cus_${email}_${i}`, code: `B${i}${email}`.toUpperCase().slice(0, 12), status: "active" as const, parent_id: head.distributor.id }))
      )
      await service.createTeamPaths(members.map((m) => ({ ancestor_id: head.distributor.id, descendant_id: m.id, depth: 1 })))
      const buyer = await boundBuyer(api, seed, `${email}@bench.local`, head.distributor.code)
      const order = await placeOrder(api, { seed, customerHeaders: buyer.headers, items: [{ variant_id: seed.variants.A, quantity: 1 }] })
      await waitForOrderView(api, admin, order.id, (v) => v.commissions.length === 1)

      const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION) as unknown as {
        on(e: string, f: () => void): void
        off(e: string, f: () => void): void
      }
      let queries = 0
      const count = () => void queries++
      const times: number[] = []
      knex.on("query", count)
      for (let i = 0; i < RUNS; i++) {
        const start = process.hrtime.bigint()
        await syncOrderCommissionsWorkflow(getContainer()).run({ input: { order_id: order.id, reason: "bench" } })
        times.push(Number(process.hrtime.bigint() - start) / 1e6)
      }
      knex.off("query", count)
      return { team_size: teamSize, median_ms: median(times), queries_per_sync: queries / RUNS }
    }

    it("measures a no-op sync for a small and a large team, and settling 1000 commissions", async () => {
      const small = await timeSyncs(10, "small")
      const large = await timeSyncs(2000, "large")
      results.sync = { small, large, large_over_small_time: +(large.median_ms / small.median_ms).toFixed(2) }

      const service = getContainer().resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
      const head = await makeDistributor(api, admin, seed, "settle-head@bench.local")
      await service.createCommissions(
        Array.from({ length: 1000 }, (_, i) => ({
          order_id: `order_bench_${i}`,
          distributor_id: head.distributor.id,
          level: 1,
          currency_code: "usd",
          status: "frozen" as const,
          available_at: new Date(Date.now() - 1000),
          amount: 1.23,
          accrued_amount: 1.23,
          reversed_amount: 0,
          lines: asJson([]),
        }))
      )
      const start = process.hrtime.bigint()
      const { data } = await api.post("/admin/distribution/commissions/settle", {}, admin)
      const ms = Number(process.hrtime.bigint() - start) / 1e6
      results.settle = { commissions: data.settled, total_ms: Math.round(ms), per_commission_ms: +(ms / data.settled).toFixed(3) }
      expect(data.settled).toBe(1000)
    })
  },
})
