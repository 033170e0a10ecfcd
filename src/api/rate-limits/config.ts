/**
 * Rate limits of the public store routes: how many requests (`points`) a key may make in
 * `duration` seconds. Defaults, then plugin options (`rate_limits`), then environment
 * variables, so an operator can tighten a limit without a deploy.
 */
export const RATE_LIMIT_NAMES = ["codes", "code_misses", "bind", "apply"] as const
export type RateLimitName = (typeof RATE_LIMIT_NAMES)[number]

export type RateLimit = { points: number; duration: number }

export type RateLimitsConfig = {
  limits: Record<RateLimitName, RateLimit | null>
  /** `bind` and `apply` are limited per customer, and per IP at this many times the customer's limit. */
  ip_multiplier: number
  store: "memory" | "redis"
  redis_url: string | null
  key_prefix: string
}

/** The `rate_limits` plugin option. */
export type RateLimitsOptions = Partial<Record<RateLimitName, RateLimit | false>> & {
  ip_multiplier?: number
  store?: "auto" | "memory" | "redis"
  redis_url?: string
  key_prefix?: string
}

export const DEFAULT_RATE_LIMITS: Record<RateLimitName, RateLimit> = {
  // Looking a code up (and recording a visit), per IP.
  codes: { points: 60, duration: 60 },
  // Unknown or inactive codes, per IP: what guessing codes runs into first.
  code_misses: { points: 20, duration: 15 * 60 },
  // Per customer; per IP ten times that.
  bind: { points: 10, duration: 10 * 60 },
  apply: { points: 5, duration: 10 * 60 },
}

const ENV_NAMES: Record<RateLimitName, string> = {
  codes: "DISTRIBUTION_RATE_LIMIT_CODES",
  code_misses: "DISTRIBUTION_RATE_LIMIT_CODE_MISSES",
  bind: "DISTRIBUTION_RATE_LIMIT_BIND",
  apply: "DISTRIBUTION_RATE_LIMIT_APPLY",
}

/** `"60/60"` (points per seconds) or `"off"`. */
export function parseRateLimit(value: string, name: string): RateLimit | null {
  const text = value.trim().toLowerCase()
  if (text === "off" || text === "0") return null
  const match = /^(\d+)\s*\/\s*(\d+)$/.exec(text)
  if (!match || Number(match[1]) < 1 || Number(match[2]) < 1) {
    throw new Error(`${name} must look like "60/60" (requests per seconds) or "off"; got "${value}"`)
  }
  return { points: Number(match[1]), duration: Number(match[2]) }
}

function checked(limit: RateLimit, name: string): RateLimit {
  if (!Number.isInteger(limit.points) || limit.points < 1 || !Number.isInteger(limit.duration) || limit.duration < 1) {
    throw new Error(`rate_limits.${name} needs whole numbers points ≥ 1 and duration ≥ 1 (seconds)`)
  }
  return limit
}

/**
 * Where the limits are kept: the `redis_url` option or `DISTRIBUTION_RATE_LIMIT_REDIS_URL`,
 * else the Redis that Medusa itself runs on (found by `redisUrlFromMedusaConfig`), else
 * in memory (one process: fine for a single server).
 */
export function resolveRateLimits(
  options: RateLimitsOptions = {},
  env: Record<string, string | undefined> = process.env,
  medusaRedisUrl: string | null = null
): RateLimitsConfig {
  const limits = {} as Record<RateLimitName, RateLimit | null>
  for (const name of RATE_LIMIT_NAMES) {
    const fromEnv = env[ENV_NAMES[name]]
    const fromOptions = options[name]
    limits[name] =
      fromEnv !== undefined && fromEnv !== ""
        ? parseRateLimit(fromEnv, ENV_NAMES[name])
        : fromOptions === false
          ? null
          : checked(fromOptions ?? DEFAULT_RATE_LIMITS[name], name)
  }
  const redisUrl = env.DISTRIBUTION_RATE_LIMIT_REDIS_URL || options.redis_url || medusaRedisUrl || null
  const wanted = (env.DISTRIBUTION_RATE_LIMIT_STORE || options.store || "auto").toLowerCase()
  if (!["auto", "memory", "redis"].includes(wanted)) {
    throw new Error(`DISTRIBUTION_RATE_LIMIT_STORE must be auto, memory or redis; got "${wanted}"`)
  }
  if (wanted === "redis" && !redisUrl) {
    throw new Error("Rate limits are set to Redis, but no Redis URL was found: set DISTRIBUTION_RATE_LIMIT_REDIS_URL")
  }
  const multiplier = Number(env.DISTRIBUTION_RATE_LIMIT_IP_MULTIPLIER || options.ip_multiplier || 10)
  return {
    limits,
    ip_multiplier: Number.isFinite(multiplier) && multiplier >= 1 ? multiplier : 10,
    store: wanted === "memory" || !redisUrl ? "memory" : "redis",
    redis_url: wanted === "memory" ? null : redisUrl,
    key_prefix: env.DISTRIBUTION_RATE_LIMIT_PREFIX || options.key_prefix || "distribution:rl",
  }
}

type ModuleConfigLike = { options?: Record<string, unknown> } | boolean | undefined

/**
 * The Redis Medusa is configured with: `projectConfig.redisUrl`, or the URL given to the
 * Redis event bus, cache, locking or workflow engine module.
 */
export function redisUrlFromMedusaConfig(config: {
  projectConfig?: { redisUrl?: string }
  modules?: Record<string, ModuleConfigLike>
}): string | null {
  if (config.projectConfig?.redisUrl) return config.projectConfig.redisUrl
  for (const module of Object.values(config.modules ?? {})) {
    if (!module || typeof module !== "object") continue
    const options = module.options ?? {}
    const direct = options.redisUrl ?? (options.redis as { url?: string } | undefined)?.url
    if (typeof direct === "string" && direct) return direct
    for (const provider of (options.providers as { options?: Record<string, unknown> }[] | undefined) ?? []) {
      const url = provider?.options?.redisUrl
      if (typeof url === "string" && url) return url
    }
  }
  return null
}
