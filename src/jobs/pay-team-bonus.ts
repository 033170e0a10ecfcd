import { MedusaContainer } from "@medusajs/framework/types"
import { payTeamBonusWorkflow } from "../workflows/team-bonus/workflows/pay-team-bonus"

/** The month before `now`, as "YYYY-MM" (UTC). */
export function previousMonth(now: Date): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1))
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`
}

/** Daily: pays last month's team bonus (a no-op once paid), so a missed day or a down worker catches up. */
export default async function payDistributionTeamBonusJob(container: MedusaContainer) {
  const { result } = await payTeamBonusWorkflow(container).run({ input: { period: previousMonth(new Date()) } })
  if (result.length) container.resolve("logger").info(`distribution: paid ${result.length} team bonus(es)`)
}

export const config = { name: "distribution-pay-team-bonus", schedule: "0 4 * * *" }
