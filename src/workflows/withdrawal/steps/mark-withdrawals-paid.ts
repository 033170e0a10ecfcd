import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"

export type MarkWithdrawalsPaidStepInput = { items: { id: string; reference: string }[] }

/** Pays a batch of approved withdrawals. No compensation: a payout recorded as made is final, like a single mark-paid. */
export const markWithdrawalsPaidStepId = "mark-withdrawals-paid"
export const markWithdrawalsPaidStep = createStep(markWithdrawalsPaidStepId, async (input: MarkWithdrawalsPaidStepInput, { container }) => {
  const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
  return new StepResponse(await service.markWithdrawalsPaid(input.items))
})
