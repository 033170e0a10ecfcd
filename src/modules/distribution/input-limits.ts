/**
 * What text the plugin accepts from outside, shared by the HTTP validators and the workflow
 * steps: PostgreSQL refuses a NUL character (`\u0000`) in text and JSON, and a lone UTF-16
 * surrogate in JSON, with an error that would otherwise surface as a 500. Both are refused
 * here, with the field named, before anything reaches the database.
 */
import { z } from "@medusajs/framework/zod"

/** Names, reasons, references, account fields. */
export const MAX_TEXT_LENGTH = 500
/** Ids and codes, in a path or a body. */
export const MAX_ID_LENGTH = 100
/** A search (`q`). */
export const MAX_SEARCH_LENGTH = 200
/** `metadata` and other free JSON, serialized. */
export const MAX_JSON_LENGTH = 16_384
/** Nesting of free JSON. */
export const MAX_JSON_DEPTH = 8

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** Why a string can't be stored as text, or null. */
export function whyTextRefused(value: string): string | null {
  if (value.includes("\u0000")) return "must not contain NUL characters (\\u0000)"
  if (LONE_SURROGATE.test(value)) return "is not valid Unicode text (a lone surrogate)"
  return null
}

const named = (path: PropertyKey[] | undefined) => (path?.length ? path.map(String).join(".") : "value")

/** A string the database can store: no NUL, valid Unicode, at most `max` characters; trimmed unless `trim: false`. */
export function safeText({ max = MAX_TEXT_LENGTH, min = 0, trim = true }: { max?: number; min?: number; trim?: boolean } = {}) {
  return (trim ? z.string().trim() : z.string())
    .min(min)
    .max(max)
    .refine((v) => !whyTextRefused(v), { error: (iss) => `${named(iss.path)} ${whyTextRefused(String(iss.input))}` })
}

/** An id or a code: 1 to 100 characters, no NUL. */
export const safeId = () => safeText({ min: 1, max: MAX_ID_LENGTH })

/** Where in a JSON value a string can't be stored, or it is too big or too deep; null when it is fine. */
export function whyJsonRefused(value: unknown, name = "value", { maxLength = MAX_JSON_LENGTH, maxDepth = MAX_JSON_DEPTH } = {}): string | null {
  const walk = (v: unknown, path: string, depth: number): string | null => {
    if (depth > maxDepth) return `${path} nests deeper than ${maxDepth} levels`
    if (typeof v === "string") {
      const why = whyTextRefused(v)
      return why ? `${path} ${why}` : null
    }
    if (Array.isArray(v)) {
      for (const [i, item] of v.entries()) {
        const why = walk(item, `${path}.${i}`, depth + 1)
        if (why) return why
      }
      return null
    }
    if (v && typeof v === "object") {
      for (const [key, item] of Object.entries(v)) {
        const whyKey = whyTextRefused(key)
        if (whyKey) return `${path}: a key ${whyKey}`
        const why = walk(item, `${path}.${key}`, depth + 1)
        if (why) return why
      }
    }
    return null
  }
  return walk(value, name, 0) ?? (JSON.stringify(value).length > maxLength ? `${name} is over ${maxLength} characters as JSON` : null)
}

/** Free JSON such as `metadata`: an object whose strings the database can store, at most 16 KB and 8 levels deep. */
export const safeJsonObject = () =>
  z.record(z.string(), z.unknown()).refine((v) => !whyJsonRefused(v), { error: (iss) => whyJsonRefused(iss.input, named(iss.path)) ?? undefined })
