import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"
import type { WalletAdjustmentInput } from "../../../modules/distribution/services/wallet-ledger"

/** Writes the adjustment; undone by its opposite entry (the ledger is append-only). */
export const adjustWalletStepId = "adjust-wallet"
export const adjustWalletStep = createStep(
  adjustWalletStepId,
  async (input: WalletAdjustmentInput, { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const entry = await service.adjustBalance(input)
    return new StepResponse(entry, entry.id)
  },
  async (id, { container }) => {
    if (!id) return
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    await service.reverseAdjustment(id, "the adjustment could not be completed")
  }
)
