/**
 * Validators every route of the plugin shares. No request reaches the database with a NUL
 * character, an over-long string or a page it cannot serve: it gets a 400 naming the field.
 */
import { z } from "@medusajs/framework/zod"
import { createSelectParams } from "@medusajs/medusa/api/utils/validators"
import { MAX_SEARCH_LENGTH, safeId, safeText } from "../../modules/distribution/input-limits"

export { MAX_ID_LENGTH, MAX_JSON_LENGTH, MAX_SEARCH_LENGTH, MAX_TEXT_LENGTH, safeId, safeJsonObject, safeText } from "../../modules/distribution/input-limits"

/** The largest page any list answers (DESIGN §4). */
export const PAGE_SIZE_MAX = 100
/** Beyond this, `offset` is refused: page with filters instead. */
export const OFFSET_MAX = 10_000_000

/** A whole number from the query string ("20") or a JSON body (20), within [min, max]. */
export function wholeNumber(name: string, min: number, max: number) {
  const message = `${name} must be a whole number from ${min} to ${max}`
  return z.preprocess(
    (v) => (typeof v === "string" && /^\s*[-+]?\d{1,20}\s*$/.test(v) ? Number(v) : v),
    z.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message })
  )
}

/**
 * `limit` (1–100, default `limit`), `offset` (≥ 0), and `fields`/`order`/`with_deleted` as
 * Medusa's `createFindParams` takes them. Medusa's own parses "-1" and "100000" as pages.
 */
export function findParams({ limit = 20 }: { limit?: number } = {}) {
  return createSelectParams().extend({
    fields: safeText({ max: 2000 }).optional(),
    limit: wholeNumber("limit", 1, PAGE_SIZE_MAX).optional().default(limit),
    offset: wholeNumber("offset", 0, OFFSET_MAX).optional().default(0),
    order: safeText({ max: 200 }).optional(),
    with_deleted: z.preprocess((v) => (v === "true" ? true : v === "false" ? false : v), z.boolean()).optional(),
  })
}

/** A search: trimmed, 1–200 characters. */
export const searchText = () => safeText({ min: 1, max: MAX_SEARCH_LENGTH })

/** A paid level in a filter: 1, 2 or 3. */
export const levelParam = () => wholeNumber("level", 1, 3)

/** A currency code: three letters, lower-cased. */
export const currencyCode = () =>
  safeText({ min: 3, max: 3 })
    .regex(/^[A-Za-z]{3}$/, { error: (iss) => `${(iss.path ?? []).join(".") || "currency_code"} must be a three-letter ISO 4217 code` })
    .transform((c) => c.toLowerCase())

/** Optional ids in a list filter. */
export const idFilter = () => safeId().optional()

/** A date and time between 1970 and 9999 (PostgreSQL's range is wider than JavaScript's, but not below it). */
export const dateTime = () =>
  z.coerce
    .date()
    .min(new Date("1970-01-01T00:00:00Z"), { error: (iss) => `${(iss.path ?? []).join(".")} must be after 1970` })
    .max(new Date("9999-12-31T23:59:59Z"), { error: (iss) => `${(iss.path ?? []).join(".")} must be before the year 10000` })
