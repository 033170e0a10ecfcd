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

/** What an action led to: approving a store-credit withdrawal also pays it (or fails it), and says so. */
function eventsOf(action: TransitionWithdrawalWorkflowInput["action"], status: string) {
  if (action !== "approve" || status === "approved") return [EVENT_BY_ACTION[action]]
  if (status === "paid") return [DistributionEvents.WITHDRAWAL_APPROVED, DistributionEvents.WITHDRAWAL_PAID]
  return [DistributionEvents.WITHDRAWAL_FAILED]
}

/**
 * Approve, reject, mark paid, or mark failed (a bounced payout) — each at most once; reject
 * and fail give the money back, once. Approving a `store_credit` withdrawal pays it into the
 * customer's store-credit account at once (paid, or failed with the money back).
 */
export const transitionWithdrawalWorkflowId = "transition-distribution-withdrawal"
export const transitionWithdrawalWorkflow = createWorkflow(
  transitionWithdrawalWorkflowId,
  (input: TransitionWithdrawalWorkflowInput) => {
    const withdrawal = transitionWithdrawalStep(input)
    emitDistributionEventsStep(
      transform({ input, withdrawal }, ({ input, withdrawal }) =>
        eventsOf(input.action, withdrawal.status).map((name) => ({ name, data: { id: withdrawal.id, distributor_id: withdrawal.distributor_id } }))
      )
    )
    return new WorkflowResponse(withdrawal)
  }
)
