import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"

export type TransitionWithdrawalStepInput = {
  id: string
  action: "approve" | "reject" | "mark_paid" | "mark_failed"
  reason?: string | null
  reference?: string | null
}

/**
 * An admin decision on a withdrawal. No compensation: each transition is final and
 * recorded (a paid or rejected withdrawal is never silently undone).
 */
export const transitionWithdrawalStepId = "transition-withdrawal"
export const transitionWithdrawalStep = createStep(
  transitionWithdrawalStepId,
  async (input: TransitionWithdrawalStepInput, { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const withdrawal = await service.transitionWithdrawal(input.id, input.action, {
      reason: input.reason,
      reference: input.reference,
    })
    return new StepResponse(withdrawal)
  }
)
