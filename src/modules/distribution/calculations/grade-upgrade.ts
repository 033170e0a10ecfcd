import { MathBN } from "@medusajs/framework/utils"

/** What a grade asks before a distributor is moved up to it. Sales are goods value kept, in major units. */
export type GradeConditions = {
  own_sales?: number | string | null
  team_sales?: number | string | null
  direct_buyers?: number | null
  team_size?: number | null
  match?: "any" | "all"
}

export type GradeCandidate = { id: string; rank: number; conditions: GradeConditions | null }

/**
 * Where a distributor stands: own settled sales (orders they brought, level 1), their team's
 * settled sales (levels 1–3 below them), direct referrals who bought, and team size (levels 1–3).
 */
export type GradeMetrics = {
  own_sales: string | number
  team_sales: string | number
  direct_buyers: number
  team_size: number
}

const CONDITION_KEYS = ["own_sales", "team_sales", "direct_buyers", "team_size"] as const

/** Whether the metrics meet a grade's conditions; a grade with no condition is never reached automatically. */
export function meetsConditions(conditions: GradeConditions | null, metrics: GradeMetrics): boolean {
  if (!conditions) return false
  const checks = CONDITION_KEYS.filter((key) => conditions[key] !== undefined && conditions[key] !== null).map((key) =>
    MathBN.gte(MathBN.convert(metrics[key]), MathBN.convert(conditions[key] as number | string))
  )
  if (!checks.length) return false
  return conditions.match === "all" ? checks.every(Boolean) : checks.some(Boolean)
}

/**
 * The highest grade above the current rank whose conditions the metrics meet, or null. Upgrades
 * only ever go up: a distributor who no longer meets their grade keeps it (no silent downgrade).
 */
export function gradeEarned(grades: GradeCandidate[], metrics: GradeMetrics, currentRank: number | null): GradeCandidate | null {
  const reachable = grades
    .filter((g) => currentRank === null || g.rank > currentRank)
    .filter((g) => meetsConditions(g.conditions, metrics))
    .sort((a, b) => b.rank - a.rank)
  return reachable[0] ?? null
}
