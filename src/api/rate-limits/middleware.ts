import { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { DISTRIBUTION_MODULE } from "../../modules/distribution"
import { redisUrlFromMedusaConfig, RateLimitName, RateLimitsOptions, resolveRateLimits } from "./config"
import { DistributionRateLimiters, RateLimitVerdict } from "./limiters"

const PLUGIN_NAME = "medusa-plugin-distribution"

// One set of limiters per process, built from the app's configuration on first use.
let shared: DistributionRateLimiters | null = null

type ConfigModuleLike = Parameters<typeof redisUrlFromMedusaConfig>[0] & {
  modules?: Record<string, { options?: Record<string, unknown> } | boolean | undefined>
  plugins?: (string | { resolve: string; options?: Record<string, unknown> })[]
}

/** The `rate_limits` option, given to the plugin (or, in this repository's dev app, to its module). */
function rateLimitOptions(config: ConfigModuleLike): RateLimitsOptions {
  const plugin = (config.plugins ?? []).find((p) => typeof p !== "string" && p.resolve === PLUGIN_NAME)
  const module = config.modules?.[DISTRIBUTION_MODULE]
  const fromModule = module && typeof module === "object" ? module.options : undefined
  const options = (typeof plugin === "object" ? plugin.options : undefined) ?? fromModule ?? {}
  return (options.rate_limits as RateLimitsOptions | undefined) ?? {}
}

export function distributionRateLimiters(req: MedusaRequest): DistributionRateLimiters {
  if (!shared) {
    const config = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE) as unknown as ConfigModuleLike
    shared = new DistributionRateLimiters(resolveRateLimits(rateLimitOptions(config), process.env, redisUrlFromMedusaConfig(config)))
  }
  return shared
}

/** The client's address, as Medusa's Express sees it (`trust proxy` 1: the address the nearest proxy reports). */
export const clientIp = (req: MedusaRequest) => req.ip ?? req.socket?.remoteAddress ?? "unknown"

export function tooManyRequests(res: MedusaResponse, verdict: Extract<RateLimitVerdict, { allowed: false }>) {
  res
    .status(429)
    .set("Retry-After", String(verdict.retryAfter))
    .json({ type: "too_many_requests", message: `Too many requests: try again in ${verdict.retryAfter} seconds` })
}

/**
 * Limits a route per IP, and for logged-in routes also per customer (the IP then gets
 * `ip_multiplier` times the customer's limit, so people behind one address still get in).
 * `codes` also refuses an IP that used up its allowance of unknown codes.
 */
export function rateLimit(name: Extract<RateLimitName, "codes" | "bind" | "apply">) {
  return async (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    try {
      const limiters = distributionRateLimiters(req)
      const ip = clientIp(req)
      const customerId = (req as AuthenticatedMedusaRequest).auth_context?.actor_id
      const verdicts = customerId
        ? [await limiters.consume(name, `customer:${customerId}`), await limiters.consume(name, `ip:${ip}`, { perIp: true })]
        : [await limiters.consume(name, `ip:${ip}`)]
      if (name === "codes") verdicts.push(await limiters.check("code_misses", `ip:${ip}`))
      const refused = verdicts.find((v): v is Extract<RateLimitVerdict, { allowed: false }> => !v.allowed)
      if (refused) return tooManyRequests(res, refused)
      next()
    } catch (error) {
      next(error)
    }
  }
}

/** Counts an unknown or inactive code against the IP's allowance of misses. */
export async function chargeCodeMiss(req: MedusaRequest): Promise<void> {
  await distributionRateLimiters(req).consume("code_misses", `ip:${clientIp(req)}`)
}
