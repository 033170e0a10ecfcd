import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { setDistributorGradeStep, SetDistributorGradeStepInput } from "../steps/set-distributor-grade"
import { syncGradeCustomerGroupsStep } from "../steps/sync-grade-customer-groups"
import { emitDistributionEventsStep } from "../../common/steps/emit-distribution-events"
import { gradeEvents } from "../grade-events"

/** An admin sets a distributor's grade by hand (up or down), recorded with who and why. */
export const setDistributorGradeWorkflowId = "set-distributor-grade"
export const setDistributorGradeWorkflow = createWorkflow(setDistributorGradeWorkflowId, (input: SetDistributorGradeStepInput) => {
  const changes = setDistributorGradeStep(input)
  syncGradeCustomerGroupsStep(changes)
  emitDistributionEventsStep(transform({ changes }, ({ changes }) => gradeEvents(changes, "admin")))
  return new WorkflowResponse(changes)
})
