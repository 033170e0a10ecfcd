import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"

export type SetDistributorGradeStepInput = { distributor_id: string; grade_id: string | null; actor_id: string | null; reason?: string | null }

/** An admin's grade change, up or down, recorded with who and why. */
export const setDistributorGradeStepId = "set-distributor-grade"
export const setDistributorGradeStep = createStep(
  setDistributorGradeStepId,
  async (input: SetDistributorGradeStepInput, { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const change = await service.setDistributorGrade(input)
    return new StepResponse(change ? [change] : [], change ? [change] : [])
  },
  async (changes, { container }) => {
    if (!changes?.length) return
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    await service.revertGradeChanges(changes)
  }
)
