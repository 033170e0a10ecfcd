import { z } from "@medusajs/framework/zod"

export const STATS_MAX_DAYS = 366
export const STATS_DEFAULT_DAYS = 30

const DAY_MS = 86_400_000
const day = (date: Date) => date.toISOString().slice(0, 10)

/** Parses, and the calendar day exists (no 2026-02-30 rolling over into March). */
const isRealDay = (v: string) => !Number.isNaN(Date.parse(v)) && new Date(`${v.slice(0, 10)}T00:00:00Z`).toISOString().startsWith(v.slice(0, 10))

/** A UTC day: `YYYY-MM-DD`, or an ISO date-time whose UTC day is taken. */
const isoDay = (name: string) =>
  z
    .string()
    .trim()
    .refine((v) => /^\d{4}-\d{2}-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(v) && isRealDay(v), {
      message: `${name} must be an ISO date (YYYY-MM-DD) or date-time`,
    })
    .transform((v) => day(new Date(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v)))

/**
 * `?from=&to=`: UTC days, both included, at most 366 of them; without them, the last 30
 * days up to today.
 */
export const AdminGetStatsParams = z
  .object({ from: isoDay("from").optional(), to: isoDay("to").optional() })
  .transform((q, ctx) => {
    const to = q.to ?? (q.from ? day(new Date(Math.min(Date.now(), Date.parse(q.from) + (STATS_DEFAULT_DAYS - 1) * DAY_MS))) : day(new Date()))
    const from = q.from ?? day(new Date(Date.parse(to) - (STATS_DEFAULT_DAYS - 1) * DAY_MS))
    const days = Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS) + 1
    if (days < 1) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["from"], message: `from (${from}) must not be after to (${to})` })
      return z.NEVER
    }
    if (days > STATS_MAX_DAYS) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["to"], message: `The range is ${days} days; at most ${STATS_MAX_DAYS} are allowed` })
      return z.NEVER
    }
    return { from, to }
  })
export type AdminGetStatsParamsType = z.infer<typeof AdminGetStatsParams>
