import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recordShareVisitStep, RecordShareVisitStepInput } from "../steps/record-share-visit"

export type RecordShareVisitWorkflowInput = RecordShareVisitStepInput

/**
 * Counts a visit through a share link: at most one per visitor (a salted hash of IP and
 * user agent), code and window. `visit_id` is null when the visit was a repeat.
 *
 * @example
 * await recordShareVisitWorkflow(container).run({
 *   input: { code: "K7M2Q9XA", distributor_id: "dist_1", share_link_id: null, product_id: null, visitor_hash, window_minutes: 30 },
 * })
 */
export const recordShareVisitWorkflowId = "record-distribution-share-visit"
export const recordShareVisitWorkflow = createWorkflow(recordShareVisitWorkflowId, (input: RecordShareVisitWorkflowInput) => {
  return new WorkflowResponse(recordShareVisitStep(input))
})
