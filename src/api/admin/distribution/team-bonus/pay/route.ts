import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { payTeamBonusWorkflow } from "../../../../../workflows/team-bonus/workflows/pay-team-bonus"
import { monthRange } from "../../../../../modules/distribution/services/team-bonus"
import { invalid } from "../../../../../modules/distribution/errors"
import { AdminPayTeamBonusType } from "../validators"

/** Pays a closed month now (the daily job's work for last month); a month is paid once. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminPayTeamBonusType>, res: MedusaResponse) => {
  const { period, plan_id } = req.validatedBody
  // A month still running would be paid on part of its sales, and never again.
  if (monthRange(period).end > new Date()) throw invalid(`${period} has not ended yet: a team bonus is paid for a closed month`)
  const { result } = await payTeamBonusWorkflow(req.scope).run({ input: { period, plan_id } })
  res.json({ payouts: result })
}
