/**
 * Hostile input over every route of the plugin: each store and admin route (found from
 * `src/api/**\/route.ts`, so a new route cannot be left out) gets seeded, reproducible
 * fast-check cases of wrong types, NUL characters, huge strings, negative and huge numbers,
 * unicode, SQL-like text, nested objects and arrays and unknown fields, in its body, its query
 * and its path ids, as an admin and as a logged-in distributor. It fails on any 5xx, and on
 * any change to the plugin's tables after a 4xx.
 *
 * FUZZ_SEED=<n> replays a run; FUZZ_RUNS=<n> sets the cases per route; FUZZ_ONLY=<text> fuzzes
 * only the routes whose `METHOD /url` contains it.
 */
import fs from "fs"
import path from "path"
import fc from "fast-check"
import type { AxiosInstance } from "axios"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Api, createAdminUser, Headers, mergeHeaders, Seed, seedStore } from "../helpers/order-flow"
import { makeDistributor, setSettings } from "../helpers/distribution"
import { pgOf } from "../helpers/db"
import { DISTRIBUTION_MODULE } from "../../src/modules/distribution"
import DistributionModuleService from "../../src/modules/distribution/service"

jest.setTimeout(900_000)

const SEED = Number(process.env.FUZZ_SEED ?? 20261207)
const RUNS = Number(process.env.FUZZ_RUNS ?? 18)
const ONLY = process.env.FUZZ_ONLY
const API_DIR = path.join(__dirname, "../../src/api")
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const
type Method = (typeof METHODS)[number]

type Route = { method: Method; url: string; params: string[]; file: string }

/** Every exported handler of every `route.ts` under src/api, as `METHOD /url/:param`. */
function discoverRoutes(): Route[] {
  const files: string[] = []
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.name === "route.ts") files.push(full)
    }
  }
  walk(API_DIR)
  return files.sort().flatMap((file) => {
    const segments = path.relative(API_DIR, path.dirname(file)).split(path.sep)
    const url = "/" + segments.map((s) => s.replace(/^\[(.+)\]$/, ":$1")).join("/")
    const params = segments.filter((s) => /^\[.+\]$/.test(s)).map((s) => s.slice(1, -1))
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const handlers = require(file) as Record<string, unknown>
    return METHODS.filter((m) => typeof handlers[m] === "function").map((method) => ({ method, url, params, file }))
  })
}

/**
 * A valid request per route: the cases bend it (one field hostile, an unknown field, all
 * fields hostile) as well as replacing it. A route missing here fails the suite.
 */
const VALID: Record<string, Record<string, unknown>> = {
  "GET /admin/distribution/campaigns": {},
  "POST /admin/distribution/campaigns": { name: "Fuzz week", starts_at: "2026-01-01T00:00:00Z", ends_at: "2026-01-08T00:00:00Z", multiplier: 1.2 },
  "GET /admin/distribution/campaigns/:id": {},
  "POST /admin/distribution/campaigns/:id": { name: "Renamed" },
  "DELETE /admin/distribution/campaigns/:id": {},
  "GET /admin/distribution/commissions": {},
  "POST /admin/distribution/commissions/settle": {},
  "POST /admin/distribution/distributors/:id/approve": { reason: "ok" },
  "POST /admin/distribution/distributors/:id/parent": { parent_id: null },
  "POST /admin/distribution/distributors/:id/reactivate": {},
  "POST /admin/distribution/distributors/:id/reject": { reason: "no" },
  "GET /admin/distribution/distributors/:id": {},
  "POST /admin/distribution/distributors/:id": { display_name: "Fuzzy", metadata: { a: 1 } },
  "POST /admin/distribution/distributors/:id/suspend": { reason: "pause" },
  "GET /admin/distribution/distributors/:id/team": {},
  "GET /admin/distribution/distributors": {},
  "POST /admin/distribution/distributors": { customer_id: "cus_missing" },
  "GET /admin/distribution/grades": {},
  "POST /admin/distribution/grades": { name: "Silver", rank: 1, level_rates: [0.1] },
  "GET /admin/distribution/grades/:id": {},
  "POST /admin/distribution/grades/:id": { name: "Gold" },
  "DELETE /admin/distribution/grades/:id": {},
  "GET /admin/distribution/orders/:order_id": {},
  "POST /admin/distribution/orders/:order_id/sync": {},
  "GET /admin/distribution/rules": {},
  "POST /admin/distribution/rules": { scope: "product", scope_id: "prod_x", kind: "rate", level_values: [0.05] },
  "GET /admin/distribution/rules/:id": {},
  "POST /admin/distribution/rules/:id": { priority: 2 },
  "DELETE /admin/distribution/rules/:id": {},
  "GET /admin/distribution/settings": {},
  "POST /admin/distribution/settings": { freeze_days: 7 },
  "GET /admin/distribution/tiers": {},
  "POST /admin/distribution/tiers": { name: "100+", currency_code: "usd", min_sales: 100, level_rates: [0.12] },
  "GET /admin/distribution/tiers/:id": {},
  "POST /admin/distribution/tiers/:id": { min_sales: 200 },
  "DELETE /admin/distribution/tiers/:id": {},
  "GET /admin/distribution/withdrawals": {},
  "POST /admin/distribution/withdrawals/:id/approve": {},
  "POST /admin/distribution/withdrawals/:id/mark-paid": { reference: "T1" },
  "POST /admin/distribution/withdrawals/:id/reject": { reason: "no" },
  "POST /store/carts/:id/distribution": { code: "NOPE" },
  "POST /store/distribution/apply": { display_name: "Me" },
  "POST /store/distribution/bind": { code: "NOPE" },
  "GET /store/distribution/codes/:code": {},
  "GET /store/distribution/config": {},
  "GET /store/distribution/me/commissions": {},
  "GET /store/distribution/me/links": {},
  "GET /store/distribution/me": {},
  "GET /store/distribution/me/share-links/:id/poster": {},
  "POST /store/distribution/me/share-links": {},
  "GET /store/distribution/me/share-links": {},
  "GET /store/distribution/me/team": {},
  "POST /store/distribution/me/withdrawals": { amount: 10, currency_code: "usd", method: "paypal", account: { email: "fuzz@test.local" } },
  "GET /store/distribution/me/withdrawals": {},
  "GET /store/distribution/me/ledger": {},
  "GET /store/distribution/me/statements": { month: "2026-11" },
  "GET /admin/distribution/stats": { from: "2026-11-01", to: "2026-11-30" },
  "GET /admin/distribution/customers/:id": {},
  "POST /admin/distribution/distributors/batch": { ids: ["dist_missing"], action: "approve" },
  "POST /admin/distribution/distributors/:id/adjustments": { amount: 5, currency_code: "usd", reason: "fuzz" },
  "GET /admin/distribution/distributors/:id/statements": { month: "2026-11" },
  "GET /admin/distribution/ledger": {},
  "GET /admin/distribution/reconciliation": { from: "2026-11-01", to: "2026-11-30" },
  "GET /admin/distribution/commissions/export": { from: "2026-11-01", to: "2026-11-30" },
  "GET /admin/distribution/distributors/export": { from: "2026-11-01", to: "2026-11-30" },
  "GET /admin/distribution/ledger/export": { from: "2026-11-01", to: "2026-11-30" },
  "GET /admin/distribution/withdrawals/export": { from: "2026-11-01", to: "2026-11-30" },
  "POST /admin/distribution/withdrawals/:id/mark-failed": { reason: "bank said no" },
  "POST /admin/distribution/withdrawals/batch": { ids: ["dwd_missing"] },
  "POST /admin/distribution/withdrawals/batch/mark-paid": { items: [{ id: "dwd_missing", reference: "R1" }] },
  "POST /admin/distribution/rules/preview": { rules: [], from: "2026-11-01", to: "2026-11-30" },
  "GET /admin/distribution/settings/presets": {},
  "POST /admin/distribution/settings/presets/:name": {},
  "GET /admin/distribution/team-bonus/plans": {},
  "POST /admin/distribution/team-bonus/plans": { name: "Fuzz bonus", grade_id: "dgrd_missing", rate: 0.01 },
  "POST /admin/distribution/team-bonus/plans/:id": { rate: 0.01 },
  "DELETE /admin/distribution/team-bonus/plans/:id": {},
  "POST /admin/distribution/team-bonus/pay": { period: "2020-01" },
  "GET /admin/distribution/team-bonus/payouts": {},
  "GET /admin/distribution/materials": {},
  "POST /admin/distribution/materials": { kind: "copy", title: "Fuzz copy", body: "Share this", grade_ids: [] },
  "GET /admin/distribution/materials/:id": {},
  "POST /admin/distribution/materials/:id": { title: "Renamed" },
  "DELETE /admin/distribution/materials/:id": {},
  "GET /store/distribution/me/materials": {},
}

/** Query keys the routes read, besides unknown ones. */
const QUERY_KEYS = ["limit", "offset", "q", "status", "level", "fields", "order", "with_deleted", "distributor_id", "order_id", "region_id", "currency_code", "from", "to", "month", "type", "period", "plan_id", "kind", "grade_id"]

// ---- hostile values -------------------------------------------------------------------

const NUL = "\u0000"
const nasty = fc.constantFrom(
  "",
  "   ",
  NUL,
  `a${NUL}b`,
  "' OR 1=1 --",
  "'; DROP TABLE distribution_distributor; --",
  "\\",
  "%",
  "_",
  "%_\\",
  "$1",
  "../../etc/passwd",
  "<script>alert(1)</script>",
  "\uD800",
  "x\uDFFFy",
  "😀👨‍👩‍👧",
  "分销商",
  "\u202Eevil",
  "NaN",
  "Infinity",
  "-1",
  "1e308",
  "null",
  "true",
  "[]",
  "{}",
  "__proto__",
  "constructor",
  "2026-13-45",
  "-271821-04-20T00:00:00Z"
)
const hostileString = fc.oneof(
  { arbitrary: nasty, weight: 4 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 30 }), weight: 2 },
  { arbitrary: fc.string({ maxLength: 10 }).map((s) => `${s}${NUL}${s}`), weight: 1 },
  { arbitrary: fc.oneof(fc.integer({ min: 101, max: 12_000 }), fc.constant(150_000)).map((n) => "x".repeat(n)), weight: 1 }
)
const hostileNumber = fc.oneof(
  fc.constantFrom(-1, 0, 1.5, -0.0001, 1e308, -1e308, 2 ** 31, 2 ** 53, 2 ** 63, 1e-12, 100001),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true })
)
const hostileScalar = fc.oneof(hostileString, hostileNumber, fc.boolean(), fc.constant(null))
const hostileKey = fc.oneof(fc.constantFrom("__proto__", "constructor", "id", "deleted_at", "$or", `k${NUL}`, "a.b.c", "x".repeat(500)), fc.string({ maxLength: 8 }))
const { value: hostileValue } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", maxDepth: 4 },
    hostileScalar,
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(hostileKey, tie("value"), { maxKeys: 3 })
  ),
}))

/** Bodies: the valid one bent, or something else entirely (sent as raw JSON, so arrays and scalars too). */
const bodyFor = (valid: Record<string, unknown>) => {
  const keys = Object.keys(valid)
  const options: fc.Arbitrary<unknown>[] = [
    fc.tuple(hostileKey, hostileValue).map(([k, v]) => ({ ...valid, [k]: v })),
    fc.dictionary(hostileKey, hostileValue, { maxKeys: 4 }),
    fc.oneof(fc.array(hostileValue, { maxLength: 3 }), hostileScalar),
  ]
  if (keys.length) {
    options.push(fc.tuple(fc.constantFrom(...keys), hostileValue).map(([k, v]) => ({ ...valid, [k]: v })))
    options.push(fc.tuple(...keys.map(() => hostileValue)).map((vs) => Object.fromEntries(keys.map((k, i) => [k, vs[i]]))))
  }
  return fc.oneof(...options)
}

const queryValue = fc.oneof(hostileString, hostileNumber.map(String), fc.array(hostileString, { minLength: 2, maxLength: 3 }))
const queryFor = fc.option(fc.dictionary(fc.oneof(fc.constantFrom(...QUERY_KEYS), hostileKey.filter((k) => k.length > 0)), queryValue, { maxKeys: 3 }), {
  nil: undefined,
})

/** encodeURIComponent, except that a lone surrogate goes out as its raw bytes (WTF-8) as a hostile client would send it, instead of throwing. */
function encode(text: string) {
  let out = ""
  for (const ch of text) {
    const c = ch.codePointAt(0)!
    out += c >= 0xd800 && c <= 0xdfff ? [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join("") : encodeURIComponent(ch)
  }
  return out
}

const toQueryString = (query: Record<string, unknown> | undefined) => {
  if (!query) return ""
  const parts = Object.entries(query).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => `${encode(k)}=${encode(String(x))}`))
  return parts.length ? `?${parts.join("&")}` : ""
}

/** A path segment: a real id most of the time (so the body reaches the handler), or a hostile one, raw or encoded. */
const segmentFor = (real: string) =>
  fc.oneof(
    { arbitrary: fc.constant(encode(real)), weight: 3 },
    { arbitrary: hostileString.filter((s) => s.length > 0 && s !== "." && s !== "..").map(encode), weight: 3 },
    { arbitrary: fc.constantFrom("%00", "a%00b", "%ZZ", "%E0%A4%A", "%uD800", "x".repeat(5000), "1e308", "-1"), weight: 1 }
  )

// ---- the plugin's state ---------------------------------------------------------------

/** A hash of every table of the distribution module, per table. */
async function pluginState(container: MedusaContainer): Promise<Record<string, string>> {
  const pg = pgOf(container)
  const { rows: tables } = await pg.raw(
    `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE 'distribution\\_%' ORDER BY tablename`
  )
  const sql = tables
    .map((t: { tablename: string }) => `SELECT '${t.tablename}' AS t, md5(coalesce(string_agg(r::text, '|' ORDER BY r::text), '')) AS h FROM "${t.tablename}" r`)
    .join(" UNION ALL ")
  const { rows } = await pg.raw(sql)
  return Object.fromEntries(rows.map((r: { t: string; h: string }) => [r.t, r.h]))
}

/** The state once two reads 50 ms apart agree (at most 3 s). */
async function settledState(container: MedusaContainer) {
  let last = await pluginState(container)
  for (const started = Date.now(); Date.now() - started < 3000; ) {
    await new Promise((r) => setTimeout(r, 50))
    const now = await pluginState(container)
    if (!changedTables(last, now).length) return now
    last = now
  }
  return last
}

const changedTables = (a: Record<string, string>, b: Record<string, string>) =>
  [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((t) => a[t] !== b[t])

const show = (v: unknown) => {
  const s = JSON.stringify(v, (_k, x) => (typeof x === "string" && x.length > 80 ? `${x.slice(0, 40)}…(${x.length} chars)` : x))
  return s && s.length > 400 ? `${s.slice(0, 400)}…` : s
}

medusaIntegrationTestRunner({
  // Rate limits are tested elsewhere; here every case must reach the route.
  env: {
    DISTRIBUTION_RATE_LIMIT_CODES: "off",
    DISTRIBUTION_RATE_LIMIT_CODE_MISSES: "off",
    DISTRIBUTION_RATE_LIMIT_BIND: "off",
    DISTRIBUTION_RATE_LIMIT_APPLY: "off",
  },
  testSuite: ({ api, getContainer }) => {
    const routes = discoverRoutes()
    let admin: Headers
    let seed: Seed
    let distributor: Headers
    const real: Record<string, string> = {}

    beforeAll(async () => {
      admin = await createAdminUser(api, getContainer())
      seed = await seedStore(api, admin)
      await setSettings(api, admin, { enrollment_mode: "open", withdrawal_methods: ["bank_transfer", "alipay", "wechat", "paypal", "store_credit"] })
      const parent = await makeDistributor(api, admin, seed, "fuzz-parent@test.local")
      const d = await makeDistributor(api, admin, seed, "fuzz@test.local", parent.distributor.id)
      distributor = d.headers
      const service = getContainer().resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
      await service.createLedgerEntries({ distributor_id: d.distributor.id, currency_code: "usd", amount: 1000, type: "settlement", reference_id: "dcom_fuzz" })
      const post = async <T>(url: string, body: unknown, h: Headers) => (await (api as Api).post<T>(url, body, h)).data
      const { withdrawal } = await post<{ withdrawal: { id: string } }>(
        "/store/distribution/me/withdrawals",
        { amount: 10, currency_code: "usd", method: "paypal", account: { email: "fuzz@test.local" } },
        distributor
      )
      const { share_link } = await post<{ share_link: { id: string } }>("/store/distribution/me/share-links", { product_id: seed.productIds.A }, distributor)
      const { grade } = await post<{ grade: { id: string } }>("/admin/distribution/grades", VALID["POST /admin/distribution/grades"], admin)
      const { rule } = await post<{ rule: { id: string } }>("/admin/distribution/rules", VALID["POST /admin/distribution/rules"], admin)
      const { campaign } = await post<{ campaign: { id: string } }>("/admin/distribution/campaigns", VALID["POST /admin/distribution/campaigns"], admin)
      const { tier } = await post<{ tier: { id: string } }>("/admin/distribution/tiers", VALID["POST /admin/distribution/tiers"], admin)
      const { cart } = await post<{ cart: { id: string } }>("/store/carts", { region_id: seed.regionId }, seed.storeHeaders)
      const plan = await service.createTeamBonusPlans({ name: "Fuzz plan", grade_id: grade.id, rate: "0.01" })
      const { material } = await post<{ material: { id: string } }>("/admin/distribution/materials", VALID["POST /admin/distribution/materials"], admin)
      Object.assign(real, {
        "distributors/:id": d.distributor.id,
        "withdrawals/:id": withdrawal.id,
        "share-links/:id": share_link.id,
        "grades/:id": grade.id,
        "rules/:id": rule.id,
        "campaigns/:id": campaign.id,
        "tiers/:id": tier.id,
        "carts/:id": cart.id,
        "customers/:id": d.customer.id,
        "presets/:name": "standard",
        "plans/:id": plan.id,
        "materials/:id": material.id,
        "codes/:code": d.distributor.code,
        "orders/:order_id": "order_01FUZZNOTANORDER00000000",
      })
    })

    /** The real value of a route's path parameter: the segment before it names the resource. */
    const realFor = (url: string, param: string) => {
      const segments = url.split("/")
      return real[`${segments[segments.indexOf(`:${param}`) - 1]}/:${param}`]
    }

    it("knows every route: each route file has handlers, a valid request and real path ids", () => {
      const files = new Set<string>()
      const walk = (dir: string) =>
        fs.readdirSync(dir, { withFileTypes: true }).forEach((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name === "route.ts" && files.add(path.join(dir, e.name))))
      walk(API_DIR)
      expect([...files].filter((f) => !routes.some((r) => r.file === f))).toEqual([])
      const keys = routes.map((r) => `${r.method} ${r.url}`)
      expect(keys.filter((k) => !(k in VALID))).toEqual([])
      expect(Object.keys(VALID).filter((k) => !keys.includes(k))).toEqual([])
      expect(routes.flatMap((r) => r.params.filter((p) => !realFor(r.url, p)).map((p) => `${r.url} :${p}`))).toEqual([])
      expect(routes.every((r) => r.url.startsWith("/admin/distribution") || r.url.startsWith("/store/"))).toBe(true)
    })

    it("answers hostile input on every route with no 5xx, and a 4xx changes nothing", async () => {
      console.log(`fuzz: seed ${SEED} (FUZZ_SEED to replay), ${RUNS} cases per route, ${routes.length} routes`)
      const container = getContainer()
      const tried: string[] = []
      const failures: string[] = []
      let lastWasWrite = true

      for (const [index, route] of routes.entries()) {
        const key = `${route.method} ${route.url}`
        if (ONLY && !key.includes(ONLY)) continue
        const valid = VALID[key]
        const headers = route.url.startsWith("/admin") ? admin : mergeHeaders(seed.storeHeaders, distributor)
        const segments = route.params.map((p) => segmentFor(realFor(route.url, p)))
        const statuses: Record<number, number> = {}
        const failed = failures.length
        let cases = 0

        const requestArb = fc.record({
          segments: fc.tuple(...segments),
          query: queryFor,
          body: route.method === "GET" || route.method === "DELETE" ? fc.constant(undefined) : bodyFor(valid),
        })

        await fc.assert(
          fc.asyncProperty(requestArb, async ({ segments: values, query, body }) => {
            cases++
            let i = 0
            const url = route.url.replace(/:[a-z_]+/g, () => values[i++]) + toQueryString(query as Record<string, unknown> | undefined)
            // After a write, subscribers may still be writing: the "before" snapshot waits until the tables hold still.
            const before = lastWasWrite ? await settledState(container) : await pluginState(container)
            const res = await (api as unknown as AxiosInstance)
              .request({
                method: route.method,
                url,
                headers: { ...headers.headers, "content-type": "application/json" },
                data: body === undefined ? undefined : JSON.stringify(body),
                validateStatus: () => true,
                maxBodyLength: Infinity,
                maxContentLength: Infinity,
              })
              .catch((e: Error) => ({ status: 0, data: { message: e.message } }))
            statuses[res.status] = (statuses[res.status] ?? 0) + 1
            lastWasWrite = res.status < 400 && route.method !== "GET"
            const what = `${route.method} ${url.length > 300 ? `${url.slice(0, 300)}…` : url} body ${show(body)}`
            if (res.status >= 500 || res.status === 0) {
              failures.push(`${res.status} on ${what}: ${show(res.data)}`)
              return false
            }
            if (res.status >= 400) {
              const after = await pluginState(container)
              const changed = changedTables(before, after)
              if (changed.length) {
                failures.push(`${res.status} changed ${changed.join(", ")} on ${what}: ${show(res.data)}`)
                return false
              }
            }
            return true
          }),
          { numRuns: RUNS, seed: SEED + index, endOnFailure: true }
        ).catch((error: Error) => {
          // A failed case is recorded above; anything else (the test itself threw) is a failure too.
          if (failed === failures.length) failures.push(`${key}: the case threw: ${error.message.slice(0, 1500)}`)
        })

        tried.push(`${key}: ${cases} cases ${show(statuses)}`)
      }
      console.log(`fuzz: cases tried per route (seed ${SEED})\n${tried.join("\n")}`)
      expect(failures).toEqual([])
    })
  },
})
