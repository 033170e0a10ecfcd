import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { invalid } from "../../modules/distribution/errors"
import { MAX_ID_LENGTH, whyTextRefused } from "../../modules/distribution/input-limits"

/**
 * Path segments (`:id`, `:code`, `:order_id`) of the plugin's routes: percent-decoded, they
 * must be valid text without NUL and at most 100 characters. Express hands route handlers a
 * NUL from `%00` as is, and PostgreSQL answers it with an error, so this runs before any route.
 */
export function guardPathSegments(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const path = (req.originalUrl ?? req.url).split("?")[0]
  for (const raw of path.split("/")) {
    let segment: string
    try {
      segment = decodeURIComponent(raw)
    } catch {
      return next(invalid(`The path segment "${raw.slice(0, 40)}" is not valid percent-encoding`))
    }
    const why = whyTextRefused(segment)
    if (why) return next(invalid(`The path segment ${JSON.stringify(segment.slice(0, 40))} ${why}`))
    if (segment.length > MAX_ID_LENGTH) {
      return next(invalid(`The path segment "${segment.slice(0, 40)}…" is ${segment.length} characters: ids and codes have at most ${MAX_ID_LENGTH}`))
    }
  }
  next()
}

/**
 * Every route of the plugin: `/admin/distribution/…`, `/store/distribution/…` and `/store/carts/:id/distribution`.
 * The lookahead matters: Express skips a `use()` layer whose match is not followed by `/` or the end.
 */
export const PLUGIN_PATHS = /^\/(admin\/distribution|store\/distribution|store\/carts\/[^/]*\/distribution)(?=\/|$)/

export const pathGuardMiddlewares: MiddlewareRoute[] = [{ matcher: PLUGIN_PATHS, middlewares: [guardPathSegments] }]
