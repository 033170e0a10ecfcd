import Redis from "ioredis"
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible"
import { RateLimit, RateLimitName, RateLimitsConfig } from "./config"

const CONNECT_WAIT_MS = 2000

/** Either the key may go on, or it must wait `retryAfter` seconds. */
export type RateLimitVerdict = { allowed: true } | { allowed: false; retryAfter: number }

/**
 * The limiters of one configuration. On Redis they are shared by every server of the
 * store (rate-limiter-flexible's atomic Redis scripts); should Redis be unreachable, an
 * in-memory limiter with the same limits stands in, so the routes keep working and
 * stay limited per server.
 */
export class DistributionRateLimiters {
  private readonly limiters = new Map<string, RateLimiterAbstract>()
  private readonly redis: Redis | null
  private ready: Promise<void> | null = null

  constructor(readonly config: RateLimitsConfig) {
    this.redis =
      config.store === "redis" && config.redis_url
        ? // No offline queue: while Redis is down, calls fail at once and the insurance limiter answers.
          new Redis(config.redis_url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 })
        : null
    this.redis?.on("error", () => {
      // Connection errors are retried by ioredis; the insurance limiter covers the gap.
    })
  }

  /**
   * Waits (a moment at most) for the first connection to Redis: without it, the first
   * requests after a start would be counted in memory only, and not seen by other servers.
   */
  private connected(): Promise<void> {
    const redis = this.redis
    if (!redis || redis.status === "ready") return Promise.resolve()
    this.ready ??= new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, CONNECT_WAIT_MS)
      redis.once("ready", () => {
        clearTimeout(timer)
        resolve()
      })
    })
    return this.ready
  }

  private limiter(name: string, limit: RateLimit): RateLimiterAbstract {
    let limiter = this.limiters.get(name)
    if (!limiter) {
      const options = { points: limit.points, duration: limit.duration, keyPrefix: `${this.config.key_prefix}:${name}` }
      limiter = this.redis
        ? new RateLimiterRedis({ ...options, storeClient: this.redis, insuranceLimiter: new RateLimiterMemory(options) })
        : new RateLimiterMemory(options)
      this.limiters.set(name, limiter)
    }
    return limiter
  }

  /** Takes one request (or `points`) of `name`'s limit for `key`. */
  async consume(name: RateLimitName, key: string, { perIp = false, points = 1 } = {}): Promise<RateLimitVerdict> {
    const limit = this.config.limits[name]
    if (!limit) return { allowed: true }
    const scaled = perIp ? { points: limit.points * this.config.ip_multiplier, duration: limit.duration } : limit
    try {
      await this.connected()
      await this.limiter(perIp ? `${name}:ip` : name, scaled).consume(key, points)
      return { allowed: true }
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        return { allowed: false, retryAfter: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) }
      }
      throw rejection
    }
  }

  /** Whether `key` has used up `name`'s limit, without taking anything from it. */
  async check(name: RateLimitName, key: string): Promise<RateLimitVerdict> {
    const limit = this.config.limits[name]
    if (!limit) return { allowed: true }
    await this.connected()
    const state = await this.limiter(name, limit).get(key)
    if (state && state.consumedPoints >= limit.points) {
      return { allowed: false, retryAfter: Math.max(1, Math.ceil(state.msBeforeNext / 1000)) }
    }
    return { allowed: true }
  }

  async close(): Promise<void> {
    await this.redis?.quit().catch(() => undefined)
  }
}
