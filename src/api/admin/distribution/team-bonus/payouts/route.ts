import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { distributionService, pageOf } from "../../../../utils"

/** What team bonus plans paid, by plan, month or distributor. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const page = pageOf(req)
  const { plan_id, period, distributor_id } = req.validatedQuery as Record<string, string | undefined>
  const filters = Object.fromEntries(Object.entries({ plan_id, period, distributor_id }).filter(([, v]) => v !== undefined))
  const [payouts, count] = await distributionService(req).listAndCountTeamBonusPayouts(filters, { ...page, order: { created_at: "DESC" } })
  res.json({ payouts, count, limit: page.take, offset: page.skip })
}
