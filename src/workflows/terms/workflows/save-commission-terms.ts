import { createHook, createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { CommissionTermsChange, validateCommissionTermsStep } from "../steps/validate-commission-terms"
import { writeCommissionTermsStep } from "../steps/write-commission-terms"

export type SaveCommissionTermsWorkflowInput = CommissionTermsChange

/**
 * Creates, updates or deletes a grade, product rule, campaign or sales tier, after checking
 * the compliance guards on the terms as they would be. Orders already placed keep the terms
 * frozen when they were placed.
 *
 * Hook `commissionTermsSaved` `{ entity, action, id }`: throwing there undoes the change.
 */
export const saveCommissionTermsWorkflowId = "save-commission-terms"
export const saveCommissionTermsWorkflow = createWorkflow(saveCommissionTermsWorkflowId, (input: SaveCommissionTermsWorkflowInput) => {
  const change = validateCommissionTermsStep(input)
  const saved = writeCommissionTermsStep(change)
  const commissionTermsSaved = createHook("commissionTermsSaved", { entity: input.entity, action: input.action, id: input.id })
  return new WorkflowResponse(saved, { hooks: [commissionTermsSaved] })
})
