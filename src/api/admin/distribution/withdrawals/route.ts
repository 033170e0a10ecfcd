import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { withNumbers } from "../../../utils"
import { AdminGetWithdrawalsParamsType } from "../validators"

const AMOUNTS = ["amount", "fee_amount", "net_amount"] as const

/** Withdrawals through `query.graph`: `fields`, `order`, filters (`status`, `distributor_id`) and pagination. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetWithdrawalsParamsType>, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "withdrawal",
    fields: req.queryConfig.fields,
    filters: req.filterableFields,
    pagination: req.queryConfig.pagination,
  })
  res.json({
    withdrawals: data.map((w) => withNumbers(w, AMOUNTS)),
    count: metadata?.count ?? data.length,
    limit: metadata?.take,
    offset: metadata?.skip,
  })
}
