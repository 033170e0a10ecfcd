import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { enrollDistributorWorkflow } from "../../../../workflows/distributor/workflows/enroll-distributor"
import { StoreApplyType } from "../validators"

/** Apply to become a distributor; applying again answers with the same distributor. */
export const POST = async (req: AuthenticatedMedusaRequest<StoreApplyType>, res: MedusaResponse) => {
  const { result } = await enrollDistributorWorkflow(req.scope).run({
    input: { customer_id: req.auth_context.actor_id, by: "customer", display_name: req.validatedBody.display_name },
  })
  res.json({ distributor: result })
}
