import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"
import { CartCodeRow, RecordCartCodeInput } from "../../../modules/distribution/services/share-tracking"

/** Counts the cart as carrying the code (one row per cart); undone by putting the previous code back. */
export const recordCartCodeStepId = "record-distribution-cart-code"
export const recordCartCodeStep = createStep(
  recordCartCodeStepId,
  async (input: RecordCartCodeInput, { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const { id, previous } = await service.recordCartCode(input)
    return new StepResponse({ id }, { cart_id: input.cart_id, previous })
  },
  async (undo: { cart_id: string; previous: CartCodeRow | null } | undefined, { container }) => {
    if (!undo) return
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    await service.restoreCartCode(undo.cart_id, undo.previous)
  }
)
