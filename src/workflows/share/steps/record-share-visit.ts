import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"
import { RecordVisitInput } from "../../../modules/distribution/services/share-tracking"

export type RecordShareVisitStepInput = Omit<RecordVisitInput, "at"> & { at?: Date | string }

/** Records a visit through a share code, unless the visitor was already counted in this window. */
export const recordShareVisitStepId = "record-distribution-share-visit"
export const recordShareVisitStep = createStep(
  recordShareVisitStepId,
  async (input: RecordShareVisitStepInput, { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const id = await service.recordCodeVisit({ ...input, at: input.at ? new Date(input.at) : new Date() })
    return new StepResponse({ visit_id: id }, id)
  },
  async (id, { container }) => {
    if (!id) return
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    await service.deleteCodeVisits(id)
  }
)
