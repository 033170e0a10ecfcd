import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { payReferRewardsStep, PayReferRewardsStepInput } from "../steps/pay-refer-rewards"
import { emitDistributionEventsStep } from "../../common/steps/emit-distribution-events"
import { DistributionEvents } from "../../events"

/**
 * 推三返一 (refer-N-get-one): run when commissions settle (for the distributors paid) and by a
 * daily job (for everyone, so a missed run catches up). Safe to run twice and on two workers
 * at once (one lock per distributor, each order counted once).
 */
export const payReferRewardsWorkflowId = "pay-distribution-refer-rewards"
export const payReferRewardsWorkflow = createWorkflow(payReferRewardsWorkflowId, (input: PayReferRewardsStepInput) => {
  const rewards = payReferRewardsStep(input)
  emitDistributionEventsStep(
    transform({ rewards }, ({ rewards }) =>
      rewards.map((r) => ({
        name: DistributionEvents.REFER_REWARD_PAID,
        data: { id: r.id, distributor_id: r.distributor_id, currency_code: r.currency_code },
      }))
    )
  )
  return new WorkflowResponse(rewards)
})
