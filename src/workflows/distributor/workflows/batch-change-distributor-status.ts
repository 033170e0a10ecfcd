import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  batchChangeDistributorStatusStep,
  BatchChangeDistributorStatusStepInput,
} from "../steps/batch-change-distributor-status"
import { emitDistributionEventsStep } from "../../common/steps/emit-distribution-events"
import { DistributionEvents } from "../../events"

export type BatchChangeDistributorStatusWorkflowInput = BatchChangeDistributorStatusStepInput

const EVENT_BY_ACTION = {
  approve: DistributionEvents.DISTRIBUTOR_APPROVED,
  reject: DistributionEvents.DISTRIBUTOR_REJECTED,
  suspend: DistributionEvents.DISTRIBUTOR_SUSPENDED,
} as const

/**
 * Approve, reject or suspend many distributors at once (the dashboard's bulk action).
 * Answers one `{ id, ok, status?, error? }` per id, in the order given: ids that can't take
 * the action are reported, the others change, and each change emits the same event as the
 * single-distributor route.
 *
 * @example
 * const { result } = await batchChangeDistributorStatusWorkflow(container).run({
 *   input: { ids: ["dist_1", "dist_2"], action: "approve" },
 * })
 */
export const batchChangeDistributorStatusWorkflowId = "batch-change-distributor-status"
export const batchChangeDistributorStatusWorkflow = createWorkflow(
  batchChangeDistributorStatusWorkflowId,
  (input: BatchChangeDistributorStatusWorkflowInput) => {
    const results = batchChangeDistributorStatusStep(input)
    emitDistributionEventsStep(
      transform({ input, results }, ({ input, results }) =>
        results.filter((r) => r.ok).map((r) => ({ name: EVENT_BY_ACTION[input.action], data: { id: r.id, reason: input.reason ?? null } }))
      )
    )
    return new WorkflowResponse(results)
  }
)
