import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { ReconcileCommissionsInput, reconcileCommissionsStep } from "../steps/reconcile-commissions"

export type ReconcileCommissionsWorkflowInput = ReconcileCommissionsInput

/**
 * The audit of a date range: every commission recomputed from its order and compared with
 * what is stored, and the ledger's invariants checked. Writes nothing; an empty
 * `differences` is the expected answer.
 *
 * @example
 * const { result } = await reconcileCommissionsWorkflow(container).run({ input: { from: "2026-11-01", to: "2026-12-01" } })
 */
export const reconcileCommissionsWorkflowId = "reconcile-distribution-commissions"
export const reconcileCommissionsWorkflow = createWorkflow(reconcileCommissionsWorkflowId, (input: ReconcileCommissionsWorkflowInput) => {
  return new WorkflowResponse(reconcileCommissionsStep(input))
})
