/**
 * Shapes of the commission terms the admin edits (grades, rules, campaigns, sales tiers, team
 * bonus plans) as src/api/admin/distribution/{terms,team-bonus} serve and accept them, and the
 * conversions the forms need: rates are fractions on the wire and percentages on screen.
 */
import { useQueryClient } from "@tanstack/react-query"
import { keys, post } from "../../lib/api"
import { sdk } from "../../lib/sdk"

export type Conditions = {
  own_sales?: number
  team_sales?: number
  direct_buyers?: number
  team_size?: number
  match: "any" | "all"
}
export type Grade = {
  id: string
  name: string
  rank: number
  level_rates: number[]
  conditions: Conditions | null
  customer_group_id: string | null
  can_view_team: boolean
  created_at: string
}
export const RULE_SCOPES = ["product", "category", "collection", "product_type"] as const
export const RULE_KINDS = ["rate", "fixed", "none"] as const
export type RuleScope = (typeof RULE_SCOPES)[number]
export type Rule = {
  id: string
  name: string | null
  scope: RuleScope
  scope_id: string
  kind: (typeof RULE_KINDS)[number]
  level_values: number[]
  currency_code: string | null
  priority: number
  created_at: string
}
export const CAMPAIGN_SCOPES = ["all", "product", "category"] as const
export type Campaign = {
  id: string
  name: string
  starts_at: string
  ends_at: string
  scope: (typeof CAMPAIGN_SCOPES)[number]
  scope_ids: string[] | null
  multiplier: number | null
  level_rates: number[] | null
  created_at: string
}
export type Tier = { id: string; name: string; currency_code: string; min_sales: number; level_rates: number[]; created_at: string }
export type TeamBonusPlan = { id: string; name: string; grade_id: string; rate: number; active: boolean; created_at: string }
export type TeamBonusPayout = {
  id: string
  plan_id: string
  period: string
  distributor_id: string
  currency_code: string
  team_sales: number | string
  rate: string
  amount: number | string
  created_at: string
}
export type PreviewTotals = { currency_code: string; orders: number; gmv: string; total: string; levels: { level: number; amount: string }[]; share_of_gmv: string }
export type PreviewResponse = { orders_considered: number; truncated: boolean; current: PreviewTotals[]; draft: PreviewTotals[] }

export const termsKeys = {
  list: (path: string, q: object = {}) => ["distribution", "terms", path, q] as const,
}

/** A fraction (0.1) as the percentage the forms show ("10"), without float noise. */
export const toPercent = (fraction: number | null | undefined) => (fraction === null || fraction === undefined ? "" : String(Number((fraction * 100).toFixed(6))))
/** A percentage typed in a form ("10") as the fraction the API takes (0.1). */
export const toFraction = (percent: string) => Number((Number(percent) / 100).toFixed(8))
/** Typed numbers, or undefined for an empty box. */
export const numberOrUndefined = (v: string) => (v.trim() === "" ? undefined : Number(v))

/** Level boxes → values, dropping empty trailing levels (a rule pays only the levels it names). */
export function levelsFrom(boxes: string[], asPercent: boolean): number[] {
  const filled = [...boxes]
  while (filled.length && filled[filled.length - 1].trim() === "") filled.pop()
  return filled.map((v) => (asPercent ? toFraction(v || "0") : Number(v || "0")))
}
export const levelBoxes = (values: number[] | null | undefined, asPercent: boolean) =>
  [0, 1, 2].map((i) => (values?.[i] === undefined ? "" : asPercent ? toPercent(values[i]) : String(values[i])))

/**
 * Which form field a server refusal is about. The guards (max_total_rate, the 3-level cap)
 * speak of the levels, so they land on the level values; a validation error names its field.
 */
export function fieldOfMessage(message: string, fields: string[], levelsField: string): string {
  if (/max_total_rate|levels are ever paid|over its levels|the rate of level/.test(message)) return levelsField
  const named = fields.filter((f) => message.includes(f)).sort((a, b) => b.length - a.length)
  return named[0] ?? "_form"
}

/** POST/DELETE for one kind of terms; every distribution query is refreshed after a change. */
export function useTermsWriter(path: string) {
  const client = useQueryClient()
  const refresh = () => client.invalidateQueries({ queryKey: keys.all })
  return {
    create: async (body: Record<string, unknown>) => {
      const result = await post(path, body)
      await refresh()
      return result
    },
    update: async (id: string, body: Record<string, unknown>) => {
      const result = await post(`${path}/${id}`, body)
      await refresh()
      return result
    },
    remove: async (id: string) => {
      await sdk.client.fetch(`/admin/distribution${path}/${id}`, { method: "DELETE" })
      await refresh()
    },
  }
}
