import { createHook, createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { changeSettingsStep, ChangeSettingsStepInput } from "../steps/change-settings"
import { validateSettingsAgainstTermsStep } from "../steps/validate-settings-against-terms"
import { validateSharePromotionStep } from "../steps/validate-share-promotion"

export type ChangeSettingsWorkflowInput = ChangeSettingsStepInput

/**
 * Changes run-time settings. `max_levels` above 3 is refused: no setting can create
 * a fourth paid level. Orders already placed keep the terms frozen at placement.
 *
 * Hook `settingsChanged` `{ settings, actor_id }`: throwing there puts the previous values back.
 */
export const changeSettingsWorkflowId = "change-distribution-settings"
export const changeSettingsWorkflow = createWorkflow(changeSettingsWorkflowId, (input: ChangeSettingsWorkflowInput) => {
  validateSettingsAgainstTermsStep(input.patch)
  validateSharePromotionStep(input.patch)
  const settings = changeSettingsStep(input)
  const settingsChanged = createHook("settingsChanged", { settings, actor_id: input.actor_id })
  return new WorkflowResponse(settings, { hooks: [settingsChanged] })
})
