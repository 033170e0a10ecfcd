import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { distributionService, formatCommission, myDistributor, pageOf } from "../../../../utils"

/** My commissions, newest first, optionally by status. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const distributor = await myDistributor(req)
  const { status } = req.validatedQuery as { status?: "pending" | "frozen" | "settled" | "canceled" }
  const page = pageOf(req)
  const [commissions, count] = await distributionService(req).listAndCountCommissions(
    { distributor_id: distributor.id, ...(status ? { status } : {}) },
    { ...page, order: { created_at: "DESC" } }
  )
  res.json({ commissions: commissions.map((c) => formatCommission(c)), count, limit: page.take, offset: page.skip })
}
