import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { setDistributorParentStep, SetDistributorParentStepInput } from "../steps/set-distributor-parent"

export type ChangeDistributorParentWorkflowInput = SetDistributorParentStepInput

/**
 * Moves a distributor, with its team, under another parent (or to the top with
 * `null`). Commissions of orders already placed keep their frozen chain.
 */
export const changeDistributorParentWorkflowId = "change-distributor-parent"
export const changeDistributorParentWorkflow = createWorkflow(
  changeDistributorParentWorkflowId,
  (input: ChangeDistributorParentWorkflowInput) => {
    return new WorkflowResponse(setDistributorParentStep(input))
  }
)
