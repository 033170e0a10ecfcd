import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { distributionService, formatCommission, pageOf } from "../../../utils"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { distributor_id, order_id, status, level } = req.validatedQuery as Record<string, string | number | undefined>
  const filters = Object.fromEntries(
    Object.entries({ distributor_id, order_id, status, level }).filter(([, v]) => v !== undefined)
  )
  const page = pageOf(req)
  const [commissions, count] = await distributionService(req).listAndCountCommissions(filters, {
    ...page,
    order: { created_at: "DESC" },
  })
  res.json({ commissions: commissions.map((c) => formatCommission(c)), count, limit: page.take, offset: page.skip })
}
