import { createHook, createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { validateWithdrawalRequestStep, WithdrawalRequestInput } from "../steps/validate-withdrawal-request"
import { requestWithdrawalStep } from "../steps/request-withdrawal"
import { emitDistributionEventsStep } from "../../common/steps/emit-distribution-events"
import { DistributionEvents } from "../../events"

export type RequestWithdrawalWorkflowInput = WithdrawalRequestInput

/**
 * A distributor asks to be paid out: validated against the store's rules, then the
 * amount leaves the wallet at once so it can't be requested twice.
 *
 * Hook `withdrawalRequested` `{ withdrawal_id, distributor_id }` runs after the debit: a store
 * may add its own checks there (KYC, fraud); throwing fails the request and the money goes
 * back to the wallet.
 *
 * @example
 * await requestWithdrawalWorkflow(container).run({
 *   input: { customer_id, amount: 50, currency_code: "usd", method: "paypal", account: { email: "a@b.c" } },
 * })
 */
export const requestWithdrawalWorkflowId = "request-distribution-withdrawal"
export const requestWithdrawalWorkflow = createWorkflow(requestWithdrawalWorkflowId, (input: RequestWithdrawalWorkflowInput) => {
  const validated = validateWithdrawalRequestStep(input)
  const withdrawal = requestWithdrawalStep(validated)
  const withdrawalRequested = createHook("withdrawalRequested", {
    withdrawal_id: withdrawal.id,
    distributor_id: withdrawal.distributor_id,
  })
  emitDistributionEventsStep(
    transform({ withdrawal }, ({ withdrawal }) => [
      { name: DistributionEvents.WITHDRAWAL_REQUESTED, data: { id: withdrawal.id, distributor_id: withdrawal.distributor_id } },
    ])
  )
  return new WorkflowResponse(withdrawal, { hooks: [withdrawalRequested] })
})
