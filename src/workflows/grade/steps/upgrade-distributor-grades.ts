import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"
import { AppliedGradeChange } from "../../../modules/distribution/services/grade-progress"

export type UpgradeDistributorGradesStepInput = {
  distributor_ids: string[]
  /** Also look at their uplines (levels 1–3), whose team sales just grew. */
  with_uplines?: boolean
}

/** Moves distributors up to the grade their settled sales and team earned. Undone as a whole on a later failure. */
export const upgradeDistributorGradesStepId = "upgrade-distributor-grades"
export const upgradeDistributorGradesStep = createStep(
  upgradeDistributorGradesStepId,
  async (input: UpgradeDistributorGradesStepInput, { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const changes = await service.upgradeGrades(input.distributor_ids, input.with_uplines ?? false)
    return new StepResponse(changes, changes)
  },
  async (changes: AppliedGradeChange[] | undefined, { container }) => {
    if (!changes?.length) return
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    await service.revertGradeChanges(changes)
  }
)
