import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { changeDistributorParentWorkflow } from "../../../../../../workflows/distributor/workflows/change-distributor-parent"
import { AdminSetParentType } from "../../../validators"

/** Move a distributor with its team under another parent; cycles are refused. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminSetParentType>, res: MedusaResponse) => {
  const { result } = await changeDistributorParentWorkflow(req.scope).run({
    input: { id: req.params.id, parent_id: req.validatedBody.parent_id },
  })
  res.json({ distributor: result })
}
