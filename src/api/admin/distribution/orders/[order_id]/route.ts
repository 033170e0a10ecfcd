import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { assertOrderExists, orderCommissionsView } from "./commissions-view"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await assertOrderExists(req, req.params.order_id)
  res.json(await orderCommissionsView(req, req.params.order_id))
}
