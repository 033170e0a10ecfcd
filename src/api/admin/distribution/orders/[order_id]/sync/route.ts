import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { syncOrderCommissionsWorkflow } from "../../../../../../workflows/commission/workflows/sync-order-commissions"
import { assertOrderExists, orderCommissionsView } from "../commissions-view"

/** Re-sync one order's commissions now (idempotent); answers like the GET. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const orderId = req.params.order_id
  await assertOrderExists(req, orderId)
  await syncOrderCommissionsWorkflow(req.scope).run({ input: { order_id: orderId, reason: "admin_sync" } })
  res.json(await orderCommissionsView(req, orderId))
}
