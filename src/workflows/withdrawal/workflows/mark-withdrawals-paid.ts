import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { markWithdrawalsPaidStep, MarkWithdrawalsPaidStepInput } from "../steps/mark-withdrawals-paid"
import { emitDistributionEventsStep } from "../../common/steps/emit-distribution-events"
import { DistributionEvents } from "../../events"

export type MarkWithdrawalsPaidWorkflowInput = MarkWithdrawalsPaidStepInput

/**
 * After a batch payout (the bank or Alipay file was uploaded), marks its withdrawals paid
 * with their references in one action: all or none, safe to repeat and to run on several
 * servers at once; only withdrawals paid by this run emit `distribution.withdrawal.paid`.
 *
 * @example
 * await markWithdrawalsPaidWorkflow(container).run({ input: { items: [{ id: "dwd_1", reference: "BATCH-7/1" }] } })
 */
export const markWithdrawalsPaidWorkflowId = "mark-distribution-withdrawals-paid"
export const markWithdrawalsPaidWorkflow = createWorkflow(markWithdrawalsPaidWorkflowId, (input: MarkWithdrawalsPaidWorkflowInput) => {
  const result = markWithdrawalsPaidStep(input)
  emitDistributionEventsStep(
    transform({ result }, ({ result }) =>
      result.paid.map((w) => ({ name: DistributionEvents.WITHDRAWAL_PAID, data: { id: w.id, distributor_id: w.distributor_id } }))
    )
  )
  return new WorkflowResponse(result)
})
