import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"
import { ValidatedWithdrawal } from "../../../types"

/** Creates the request and debits the wallet; undone by failing it, which credits the money back. */
export const requestWithdrawalStepId = "request-withdrawal"
export const requestWithdrawalStep = createStep(
  requestWithdrawalStepId,
  async (input: ValidatedWithdrawal, { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const withdrawal = await service.requestWithdrawal(input)
    return new StepResponse(withdrawal, withdrawal.id)
  },
  async (id, { container }) => {
    if (!id) return
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    // The ledger is append-only: the debit is answered by a reversal, not deleted.
    await service.transitionWithdrawal(id, "fail", { reason: "request could not be completed" })
  }
)
