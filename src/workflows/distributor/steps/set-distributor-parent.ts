import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"

export type SetDistributorParentStepInput = { id: string; parent_id: string | null }

/** Moves a distributor and its team under another parent; refused when it would make a cycle. */
export const setDistributorParentStepId = "set-distributor-parent"
export const setDistributorParentStep = createStep(
  setDistributorParentStepId,
  async (input: SetDistributorParentStepInput, { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const before = await service.retrieveDistributor(input.id)
    await service.setParent(input.id, input.parent_id)
    return new StepResponse(await service.retrieveDistributor(input.id), { id: before.id, parent_id: before.parent_id })
  },
  async (before, { container }) => {
    if (!before) return
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    await service.setParent(before.id, before.parent_id)
  }
)
