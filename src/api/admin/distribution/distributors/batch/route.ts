import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { batchChangeDistributorStatusWorkflow } from "../../../../../workflows/distributor/workflows/batch-change-distributor-status"
import type { AdminBatchDistributorsResponse } from "../../../../../types/admin-lists"
import { AdminBatchDistributorsType } from "../../validators"

/** Approve, reject or suspend many distributors: one `{ id, ok, status?, error? }` per id; refusals are per id, never a 500. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminBatchDistributorsType>,
  res: MedusaResponse<AdminBatchDistributorsResponse>
) => {
  const { ids, action, reason } = req.validatedBody
  const { result } = await batchChangeDistributorStatusWorkflow(req.scope).run({ input: { ids, action, reason: reason ?? null } })
  res.json({ results: result })
}
