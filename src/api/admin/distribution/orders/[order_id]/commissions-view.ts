import { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { distributionService, formatCommission } from "../../../../utils"
import { notFound } from "../../../../../modules/distribution/errors"

export async function assertOrderExists(req: MedusaRequest, orderId: string) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id"], filters: { id: orderId } })
  if (!data[0]) throw notFound(`Order ${orderId} was not found`)
}

/** An order's attribution and its commissions with lines and adjustments: the audit view. */
export async function orderCommissionsView(req: MedusaRequest, orderId: string) {
  const service = distributionService(req)
  const [attribution] = await service.listOrderAttributions({ order_id: orderId }, { take: 1 })
  const commissions = await service.listCommissions({ order_id: orderId }, { order: { level: "ASC" } })
  const adjustments = commissions.length
    ? await service.listCommissionAdjustments({ commission_id: commissions.map((c) => c.id) }, { order: { created_at: "ASC" } })
    : []
  return {
    order_id: orderId,
    attribution: attribution?.distributor_id
      ? { distributor_id: attribution.distributor_id, code: attribution.code, source: attribution.source }
      : null,
    commissions: commissions.map((c) =>
      formatCommission(c, adjustments.filter((a) => a.commission_id === c.id))
    ),
  }
}
