/**
 * `npm run bench`: the ledger export at 100,000 and 1,000,000 rows, time and peak memory,
 * merged into bench/results.json under `export`. The export streams from a database cursor,
 * so memory should stay flat between the two; numbers are not asserted (machines are shared).
 */
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { existsSync, readFileSync, writeFileSync } from "fs"
import { join } from "path"
import type { Readable } from "stream"
import { createAdminUser, Headers, Seed, seedStore } from "../integration-tests/helpers/order-flow"
import { makeDistributor } from "../integration-tests/helpers/distribution"
import { pgOf } from "../integration-tests/helpers/db"

jest.setTimeout(1_800_000)

const MB = 1024 * 1024

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: Headers
    let seed: Seed
    const results: Record<string, unknown> = {}

    beforeAll(async () => {
      admin = await createAdminUser(api, getContainer())
      seed = await seedStore(api, admin)
    })

    afterAll(() => {
      const file = join(__dirname, "results.json")
      const all = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {}
      all.export = { at: new Date().toISOString(), ...results }
      writeFileSync(file, JSON.stringify(all, null, 2) + "\n")
      console.log(JSON.stringify(all.export, null, 2))
    })

    /** Adds ledger rows straight in SQL (the export is what is measured, not the writes). */
    async function addRows(distributorId: string, from: number, to: number) {
      await pgOf(getContainer()).raw(
        `INSERT INTO distribution_ledger_entry (id, distributor_id, currency_code, amount, raw_amount, type, note, created_at, updated_at)
         SELECT 'dled_bench_' || lpad(i::text, 8, '0'), ?, 'usd', (i % 1000) / 100.0,
                jsonb_build_object('value', ((i % 1000) / 100.0)::text, 'precision', 20),
                'admin_adjustment', '基准测试 bench row ' || i, now() - (i || ' seconds')::interval, now()
           FROM generate_series(?::int, ?::int) AS i`,
        [distributorId, from, to - 1]
      )
    }

    /** Downloads the whole export, sampling this process's memory (the server runs in it) every 20 ms. */
    async function measureExport() {
      const base = process.memoryUsage()
      let peakRss = base.rss
      let peakHeap = base.heapUsed
      const timer = setInterval(() => {
        const m = process.memoryUsage()
        peakRss = Math.max(peakRss, m.rss)
        peakHeap = Math.max(peakHeap, m.heapUsed)
      }, 20)
      const start = process.hrtime.bigint()
      const res = await api.get("/admin/distribution/ledger/export", { ...admin, responseType: "stream" } as never)
      let bytes = 0
      let lines = 0
      for await (const chunk of (res as unknown as { data: Readable }).data) {
        bytes += chunk.length
        for (const b of chunk as Buffer) if (b === 10) lines++
      }
      const ms = Number(process.hrtime.bigint() - start) / 1e6
      clearInterval(timer)
      return {
        rows: lines - 1,
        total_ms: Math.round(ms),
        rows_per_s: Math.round(((lines - 1) / ms) * 1000),
        mb: Math.round((bytes / MB) * 10) / 10,
        peak_rss_over_start_mb: Math.round(((peakRss - base.rss) / MB) * 10) / 10,
        peak_heap_over_start_mb: Math.round(((peakHeap - base.heapUsed) / MB) * 10) / 10,
      }
    }

    it("exports 100,000 and 1,000,000 ledger rows in flat memory", async () => {
      const d = await makeDistributor(api, admin, seed, "export@bench.local")
      await addRows(d.distributor.id, 0, 100_000)
      const small = await measureExport()
      expect(small.rows).toBe(100_000)
      await addRows(d.distributor.id, 100_000, 1_000_000)
      const large = await measureExport()
      expect(large.rows).toBe(1_000_000)
      results.ledger_100k = small
      results.ledger_1m = large
      results.large_over_small_time = Math.round((large.total_ms / small.total_ms) * 100) / 100
    })
  },
})
