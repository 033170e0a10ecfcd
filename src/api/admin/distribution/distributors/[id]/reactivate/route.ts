import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { changeDistributorStatusWorkflow } from "../../../../../../workflows/distributor/workflows/change-distributor-status"
import { AdminReasonType } from "../../../validators"

export const POST = async (req: AuthenticatedMedusaRequest<AdminReasonType>, res: MedusaResponse) => {
  const { result } = await changeDistributorStatusWorkflow(req.scope).run({
    input: { id: req.params.id, action: "reactivate", reason: req.validatedBody.reason ?? null },
  })
  res.json({ distributor: result })
}
