import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { transitionWithdrawalStep, TransitionWithdrawalStepInput } from "../steps/transition-withdrawal"
import { emitDistributionEventsStep } from "../../common/steps/emit-distribution-events"
import { DistributionEvents } from "../../events"

export type TransitionWithdrawalWorkflowInput = TransitionWithdrawalStepInput

const EVENT_BY_ACTION = {
  approve: DistributionEvents.WITHDRAWAL_APPROVED,
  reject: DistributionEvents.WITHDRAWAL_REJECTED,
  mark_paid: DistributionEvents.WITHDRAWAL_PAID,
} as const

/** Approve, reject (the money goes back to the wallet) or mark paid — each at most once. */
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
