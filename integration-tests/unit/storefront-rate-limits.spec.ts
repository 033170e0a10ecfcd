import { DEFAULT_RATE_LIMITS, parseRateLimit, redisUrlFromMedusaConfig, resolveRateLimits } from "../../src/api/rate-limits/config"
import { DistributionRateLimiters } from "../../src/api/rate-limits/limiters"

describe("rate limit configuration", () => {
  it("defaults, then plugin options, then environment variables", () => {
    expect(resolveRateLimits({}, {})).toEqual({
      limits: DEFAULT_RATE_LIMITS,
      ip_multiplier: 10,
      store: "memory",
      redis_url: null,
      key_prefix: "distribution:rl",
    })
    const config = resolveRateLimits(
      { codes: { points: 100, duration: 60 }, bind: false, apply: { points: 3, duration: 60 } },
      { DISTRIBUTION_RATE_LIMIT_APPLY: "7/120", DISTRIBUTION_RATE_LIMIT_CODE_MISSES: "off" }
    )
    expect(config.limits).toEqual({ codes: { points: 100, duration: 60 }, code_misses: null, bind: null, apply: { points: 7, duration: 120 } })
  })

  it("Redis when Medusa runs on it, unless told to keep limits in memory", () => {
    expect(resolveRateLimits({}, {}, "redis://medusa:6379")).toMatchObject({ store: "redis", redis_url: "redis://medusa:6379" })
    expect(resolveRateLimits({ redis_url: "redis://mine:6379" }, {}, "redis://medusa:6379").redis_url).toBe("redis://mine:6379")
    expect(resolveRateLimits({}, { DISTRIBUTION_RATE_LIMIT_STORE: "memory" }, "redis://medusa:6379")).toMatchObject({ store: "memory", redis_url: null })
    expect(() => resolveRateLimits({ store: "redis" }, {})).toThrow(/no Redis URL/)
  })

  it("refuses limits that cannot be meant", () => {
    expect(parseRateLimit(" 60 / 30 ", "X")).toEqual({ points: 60, duration: 30 })
    expect(() => parseRateLimit("sixty", "DISTRIBUTION_RATE_LIMIT_CODES")).toThrow(/DISTRIBUTION_RATE_LIMIT_CODES must look like "60\/60"/)
    expect(() => resolveRateLimits({ codes: { points: 0, duration: 60 } }, {})).toThrow(/rate_limits.codes/)
  })

  it("finds the Redis URL in Medusa's configuration", () => {
    expect(redisUrlFromMedusaConfig({ projectConfig: { redisUrl: "redis://a" } })).toBe("redis://a")
    expect(redisUrlFromMedusaConfig({ modules: { event_bus: { options: { redisUrl: "redis://b" } } } })).toBe("redis://b")
    expect(redisUrlFromMedusaConfig({ modules: { workflows: { options: { redis: { url: "redis://c" } } } } })).toBe("redis://c")
    expect(redisUrlFromMedusaConfig({ modules: { locking: { options: { providers: [{ options: { redisUrl: "redis://d" } }] } } } })).toBe("redis://d")
    expect(redisUrlFromMedusaConfig({ modules: { cart: true, product: { options: {} } } })).toBeNull()
  })
})

describe("limiters in memory", () => {
  it("refuses past the limit with the seconds to wait, per key; per IP gets the multiplier", async () => {
    const limiters = new DistributionRateLimiters(
      resolveRateLimits({ bind: { points: 2, duration: 600 } }, { DISTRIBUTION_RATE_LIMIT_IP_MULTIPLIER: "2" })
    )
    expect(await limiters.consume("bind", "customer:a")).toEqual({ allowed: true })
    expect(await limiters.consume("bind", "customer:a")).toEqual({ allowed: true })
    const refused = await limiters.consume("bind", "customer:a")
    expect(refused.allowed).toBe(false)
    expect(refused.allowed === false && refused.retryAfter).toBeGreaterThan(590)
    expect(await limiters.consume("bind", "customer:b")).toEqual({ allowed: true })
    for (let i = 0; i < 4; i++) expect((await limiters.consume("bind", "ip:x", { perIp: true })).allowed).toBe(true)
    expect((await limiters.consume("bind", "ip:x", { perIp: true })).allowed).toBe(false)
  })

  it("check reads without taking; a limit that is off lets everything through", async () => {
    const limiters = new DistributionRateLimiters(resolveRateLimits({ code_misses: { points: 1, duration: 60 }, codes: false }, {}))
    expect(await limiters.check("code_misses", "ip:x")).toEqual({ allowed: true })
    expect(await limiters.check("code_misses", "ip:x")).toEqual({ allowed: true })
    await limiters.consume("code_misses", "ip:x")
    expect((await limiters.check("code_misses", "ip:x")).allowed).toBe(false)
    for (let i = 0; i < 100; i++) expect((await limiters.consume("codes", "ip:x")).allowed).toBe(true)
  })
})
