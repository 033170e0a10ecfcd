import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { transitionWithdrawalStep, TransitionWithdrawalStepInput } from "../steps/transition-withdrawal"
import { emitDistributionEventsStep } from "../../common/steps/emit-distribution-events"
import { DistributionEvents } from "../../events"

export type TransitionWithdrawalWorkflowInput = TransitionWithdrawalStepInput

const EVENT_BY_ACTION = {
  approve: DistributionEvents.WITHDRAWAL_APPROVED,
  reject: DistributionEvents.WITHDRAWAL_REJECTED,
  mark_paid: DistributionEvents.WITHDRAWAL_PAID,
  mark_failed: DistributionEvents.WITHDRAWAL_FAILED,
} as const

/** Approve, reject, mark paid, or mark failed (a bounced payout) — each at most once; reject and fail give the money back, once. */
export const transitionWithdrawalWorkflowId = "transition-distribution-withdrawal"
export const transitionWithdrawalWorkflow = createWorkflow(
  transitionWithdrawalWorkflowId,
  (input: TransitionWithdrawalWorkflowInput) => {
    const withdrawal = transitionWithdrawalStep(input)
    emitDistributionEventsStep(
      transform({ input, withdrawal }, ({ input, withdrawal }) => [
        { name: EVENT_BY_ACTION[input.action], data: { id: withdrawal.id, distributor_id: withdrawal.distributor_id } },
      ])
    )
    return new WorkflowResponse(withdrawal)
  }
)
