import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createAdminUser, Headers, mergeHeaders, registerCustomer, Seed, seedStore } from "../helpers/order-flow"
import { makeDistributor, setSettings, withKey } from "../helpers/distribution"
import { resolveRateLimits } from "../../src/api/rate-limits/config"
import { DistributionRateLimiters } from "../../src/api/rate-limits/limiters"

jest.setTimeout(240_000)

// Small limits, kept in Redis (as on a store that runs several servers) under a prefix of
// this run's own. Needs Redis: REDIS_URL, or the machine's 127.0.0.1:6379.
const env = {
  DISTRIBUTION_RATE_LIMIT_CODES: "5/60",
  DISTRIBUTION_RATE_LIMIT_CODE_MISSES: "3/900",
  DISTRIBUTION_RATE_LIMIT_BIND: "2/600",
  DISTRIBUTION_RATE_LIMIT_APPLY: "2/600",
  DISTRIBUTION_RATE_LIMIT_REDIS_URL: process.env.REDIS_URL || "redis://127.0.0.1:6379",
  DISTRIBUTION_RATE_LIMIT_PREFIX: `test-rl-${process.pid}-${Date.now()}`,
}

type Answer = { status: number; retryAfter: string | undefined; body: { type?: string; message?: string; valid?: boolean } }

medusaIntegrationTestRunner({
  env,
  testSuite: ({ api, getContainer }) => {
    let admin: Headers
    let seed: Seed

    beforeAll(async () => {
      admin = await createAdminUser(api, getContainer())
      seed = await seedStore(api, admin)
    })

    /** Status, `Retry-After` and body of a request, whether it succeeded or not. */
    async function answer(p: Promise<{ status: number; headers: Record<string, string>; data: unknown }>): Promise<Answer> {
      try {
        const res = await p
        return { status: res.status, retryAfter: res.headers["retry-after"], body: res.data as Answer["body"] }
      } catch (e) {
        const res = (e as { response?: { status: number; headers: Record<string, string>; data: unknown } }).response
        if (!res) throw e
        return { status: res.status, retryAfter: res.headers["retry-after"], body: res.data as Answer["body"] }
      }
    }
    const from = (ip: string, h?: Headers) => mergeHeaders(withKey(seed, h), { headers: { "x-forwarded-for": ip, "user-agent": "rate-test" } })
    const lookUp = (code: string, ip: string) => answer(api.get(`/store/distribution/codes/${code}`, from(ip)) as never)
    const expectRefused = (a: Answer, window: number) => {
      expect(a.status).toBe(429)
      expect(a.body).toEqual({ type: "too_many_requests", message: expect.stringMatching(/^Too many requests: try again in \d+ seconds$/) })
      expect(Number(a.retryAfter)).toBeGreaterThanOrEqual(1)
      expect(Number(a.retryAfter)).toBeLessThanOrEqual(window)
    }
    const visits = async () =>
      Number((await getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)("distribution_code_visit").count("* as n"))[0].n)

    it("code look-ups: per IP, 429 with Retry-After past the limit, and no visit for a refused request", async () => {
      const d = await makeDistributor(api, admin, seed, "rl-codes@test.local")
      for (let i = 0; i < 5; i++) expect((await lookUp(d.distributor.code, "192.0.2.1")).status).toBe(200)
      expectRefused(await lookUp(d.distributor.code, "192.0.2.1"), 60)
      expect(await visits()).toBe(1)
      // Another address is not affected.
      expect((await lookUp(d.distributor.code, "192.0.2.2")).body.valid).toBe(true)
      expect(await visits()).toBe(2)
    })

    it("guessing codes: a few unknown codes, then every look-up from that IP is refused", async () => {
      const d = await makeDistributor(api, admin, seed, "rl-miss@test.local")
      for (const guess of ["AAAAAAAA", "BBBBBBBB", "CCCCCCCC"]) {
        expect(await lookUp(guess, "192.0.2.10")).toMatchObject({ status: 200, body: { valid: false } })
      }
      expectRefused(await lookUp("DDDDDDDD", "192.0.2.10"), 900)
      expectRefused(await lookUp(d.distributor.code, "192.0.2.10"), 900)
      expect((await lookUp(d.distributor.code, "192.0.2.11")).body.valid).toBe(true)
    })

    it("bind and apply: per customer, so one shopper cannot try codes or flood applications", async () => {
      await setSettings(api, admin, { enrollment_mode: "open" })
      const d = await makeDistributor(api, admin, seed, "rl-bind@test.local")
      const x = await registerCustomer(api, seed.storeHeaders, "rl-x@test.local")
      const y = await registerCustomer(api, seed.storeHeaders, "rl-y@test.local")
      const bind = (who: Headers, code: string) => answer(api.post("/store/distribution/bind", { code }, from("192.0.2.20", who)) as never)
      const apply = (who: Headers) => answer(api.post("/store/distribution/apply", {}, from("192.0.2.20", who)) as never)

      expect((await bind(x.headers, "ZZZZZZZZ")).status).toBe(404)
      expect((await bind(x.headers, d.distributor.code)).status).toBe(200)
      expectRefused(await bind(x.headers, d.distributor.code), 600)
      expect((await bind(y.headers, d.distributor.code)).status).toBe(200) // another customer behind the same address

      expect((await apply(x.headers)).status).toBe(200)
      expect((await apply(x.headers)).status).toBe(200)
      expectRefused(await apply(x.headers), 600)
      expect((await apply(y.headers)).status).toBe(200)
    })

    it("limits are shared through Redis: what another server counted counts here", async () => {
      const d = await makeDistributor(api, admin, seed, "rl-shared@test.local")
      // Another server of the same store, with the same configuration.
      const otherServer = new DistributionRateLimiters(resolveRateLimits({}, process.env))
      try {
        expect(otherServer.config.store).toBe("redis")
        for (let i = 0; i < 5; i++) expect((await otherServer.consume("codes", "ip:192.0.2.30")).allowed).toBe(true)
        expectRefused(await lookUp(d.distributor.code, "192.0.2.30"), 60)
        expect((await lookUp(d.distributor.code, "192.0.2.31")).status).toBe(200)
      } finally {
        await otherServer.close()
      }
    })
  },
})
