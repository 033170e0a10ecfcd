import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { payTeamBonusStep, PayTeamBonusStepInput } from "../steps/pay-team-bonus"
import { emitDistributionEventsStep } from "../../common/steps/emit-distribution-events"
import { DistributionEvents } from "../../events"

/**
 * 团队分红 for one closed month: run by the daily job for the month before, or by an admin.
 * Safe to run twice and on two workers at once (one lock per plan and month, unique payouts).
 */
export const payTeamBonusWorkflowId = "pay-distribution-team-bonus"
export const payTeamBonusWorkflow = createWorkflow(payTeamBonusWorkflowId, (input: PayTeamBonusStepInput) => {
  const payouts = payTeamBonusStep(input)
  emitDistributionEventsStep(
    transform({ payouts }, ({ payouts }) =>
      payouts.map((p) => ({
        name: DistributionEvents.TEAM_BONUS_PAID,
        data: { id: p.id, distributor_id: p.distributor_id, period: p.period, currency_code: p.currency_code },
      }))
    )
  )
  return new WorkflowResponse(payouts)
})
