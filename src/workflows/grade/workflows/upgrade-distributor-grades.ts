import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { upgradeDistributorGradesStep, UpgradeDistributorGradesStepInput } from "../steps/upgrade-distributor-grades"
import { syncGradeCustomerGroupsStep } from "../steps/sync-grade-customer-groups"
import { emitDistributionEventsStep } from "../../common/steps/emit-distribution-events"
import { gradeEvents } from "../grade-events"

/**
 * Automatic upgrades: after commissions settle (for their distributors and uplines) and by the
 * daily job. Only ever up; safe to run twice and on two workers at once (row locks).
 */
export const upgradeDistributorGradesWorkflowId = "upgrade-distributor-grades"
export const upgradeDistributorGradesWorkflow = createWorkflow(
  upgradeDistributorGradesWorkflowId,
  (input: UpgradeDistributorGradesStepInput) => {
    const changes = upgradeDistributorGradesStep(input)
    syncGradeCustomerGroupsStep(changes)
    emitDistributionEventsStep(transform({ changes }, ({ changes }) => gradeEvents(changes, "auto")))
    return new WorkflowResponse(changes)
  }
)
