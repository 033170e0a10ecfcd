import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"
import { DistributionSettingsPatch } from "../../../modules/distribution/settings"

export type ChangeSettingsStepInput = { patch: DistributionSettingsPatch; actor_id: string | null }

/** Validates and stores a settings change, recording it in the change log. */
export const changeSettingsStepId = "change-distribution-settings"
export const changeSettingsStep = createStep(
  changeSettingsStepId,
  async (input: ChangeSettingsStepInput, { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const result = await service.changeSettings(input.patch, input.actor_id)
    const undo = Object.fromEntries(Object.entries(result.changes).map(([key, change]) => [key, change.from]))
    return new StepResponse(result.settings, { undo, actor_id: input.actor_id })
  },
  async (previous, { container }) => {
    if (!previous || !Object.keys(previous.undo).length) return
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    await service.changeSettings(previous.undo as DistributionSettingsPatch, previous.actor_id)
  }
)
