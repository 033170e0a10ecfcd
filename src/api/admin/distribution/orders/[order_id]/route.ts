import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { orderCommissionsView } from "./commissions-view"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json(await orderCommissionsView(req, req.params.order_id))
}
