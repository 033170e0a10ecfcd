import { errorHandler, validateAndTransformQuery } from "@medusajs/framework/http"
import type { MedusaErrorHandlerFunction, MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
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

/**
 * Medusa's error handler, except for a URL whose percent-encoding is broken (`/x/%ZZ`):
 * Express refuses it with a 400 `URIError` while matching a route with parameters (Medusa's
 * own `/admin*`, before any plugin middleware can run), and Medusa's handler answers any
 * error it does not know with a 500. A store whose own `src/api/middlewares.ts` sets an
 * `errorHandler` keeps its own.
 */
export function distributionErrorHandler(): MedusaErrorHandlerFunction {
  const medusa = errorHandler()
  return (error, req, res, next) => {
    if (error instanceof URIError && (error as URIError & { status?: number }).status === 400) {
      return medusa(invalid(`The URL is not valid percent-encoding: ${error.message}`), req, res, next)
    }
    return medusa(error, req, res, next)
  }
}

/**
 * `validateAndTransformQuery`, with Medusa's own refusal of a query key nested more than two
 * levels (`a.b.c=1`, an `invalid_argument` that its error handler answers with a 500) made a 400.
 */
export function validateQuery(...args: Parameters<typeof validateAndTransformQuery>) {
  const validate = validateAndTransformQuery(...args)
  return (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) =>
    validate(req, res, (error?: unknown) => {
      if (error instanceof MedusaError && error.type === MedusaError.Types.INVALID_ARGUMENT) return next(invalid(error.message))
      return next(error as Error)
    })
}
