import { model } from "@medusajs/framework/utils"

/**
 * 团队分红: each month, distributors of a grade (or higher) earn a share of their team's
 * kept, settled sales (levels 1–3 below them) in that month. A share of sales, never a
 * reward for recruiting.
 */
const TeamBonusPlan = model.define(
  { name: "TeamBonusPlan", tableName: "distribution_team_bonus_plan" },
  {
    id: model.id({ prefix: "dtbp" }).primaryKey(),
    name: model.text(),
    /** The lowest grade that earns it (by rank). */
    grade_id: model.text(),
    /** Fraction of the team's settled sales, e.g. "0.01". */
    rate: model.text(),
    active: model.boolean().default(true),
  }
)

export default TeamBonusPlan
