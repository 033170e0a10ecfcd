import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { withNumbers } from "../../../utils"
import { AdminGetCommissionsParamsType } from "../validators"

const AMOUNTS = ["amount", "accrued_amount", "reversed_amount", "base_amount"] as const

/** Commissions through `query.graph`: `fields` (also `order.*`), `order`, filters and pagination as in Medusa's admin lists. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetCommissionsParamsType>, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "commission",
    fields: req.queryConfig.fields,
    filters: req.filterableFields,
    pagination: req.queryConfig.pagination,
  })
  res.json({
    commissions: data.map((c) => withNumbers(c, AMOUNTS)),
    count: metadata?.count ?? data.length,
    limit: metadata?.take,
    offset: metadata?.skip,
  })
}
