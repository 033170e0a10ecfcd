import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"
import { BindingUndo } from "../../../modules/distribution/services/customer-binding"
import { BINDING_SOURCES } from "../../../modules/distribution/models/binding"

export type BindCustomerStepInput = {
  customer_id: string
  code: string
  source: (typeof BINDING_SOURCES)[number]
}

/**
 * Binds a customer to the distributor behind a code under the binding policy, and gives a
 * parentless distributor that parent, in one transaction; undone by putting back what was.
 */
export const bindCustomerStepId = "bind-customer-to-distributor"
export const bindCustomerStep = createStep(
  bindCustomerStepId,
  async (input: BindCustomerStepInput, { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const settings = await service.getSettings()
    const { binding, undo } = await service.bindCustomer({ ...input, settings, now: new Date() })
    return new StepResponse(binding, undo)
  },
  async (undo: BindingUndo | null | undefined, { container }) => {
    if (!undo) return
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    await service.undoBinding(undo)
  }
)
