import { createHook, createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { setDistributorParentStep, SetDistributorParentStepInput } from "../steps/set-distributor-parent"

export type ChangeDistributorParentWorkflowInput = SetDistributorParentStepInput

/**
 * Moves a distributor, with its team, under another parent (or to the top with
 * `null`). Commissions of orders already placed keep their frozen chain.
 *
 * Hook `distributorParentChanged` `{ distributor_id, parent_id }`: throwing there moves the
 * distributor back.
 */
export const changeDistributorParentWorkflowId = "change-distributor-parent"
export const changeDistributorParentWorkflow = createWorkflow(
  changeDistributorParentWorkflowId,
  (input: ChangeDistributorParentWorkflowInput) => {
    const distributor = setDistributorParentStep(input)
    const distributorParentChanged = createHook("distributorParentChanged", { distributor_id: input.id, parent_id: input.parent_id })
    return new WorkflowResponse(distributor, { hooks: [distributorParentChanged] })
  }
)
