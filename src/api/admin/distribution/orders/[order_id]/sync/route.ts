import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { syncOrderCommissionsWorkflow } from "../../../../../../workflows/commission/workflows/sync-order-commissions"
import { notFound } from "../../../../../../modules/distribution/errors"
import { orderCommissionsView } from "../commissions-view"

/** Re-sync one order's commissions now (idempotent); answers like the GET. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const orderId = req.params.order_id
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id"], filters: { id: orderId } })
  if (!data[0]) throw notFound(`Order ${orderId} was not found`)
  await syncOrderCommissionsWorkflow(req.scope).run({ input: { order_id: orderId, reason: "admin_sync" } })
  res.json(await orderCommissionsView(req, orderId))
}
