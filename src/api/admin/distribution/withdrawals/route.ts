import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { distributionService, formatWithdrawal, pageOf } from "../../../utils"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { status, distributor_id } = req.validatedQuery as { status?: "requested"; distributor_id?: string }
  const filters = { ...(status ? { status } : {}), ...(distributor_id ? { distributor_id } : {}) }
  const page = pageOf(req)
  const [withdrawals, count] = await distributionService(req).listAndCountWithdrawals(filters, {
    ...page,
    order: { created_at: "DESC" },
  })
  res.json({ withdrawals: withdrawals.map(formatWithdrawal), count, limit: page.take, offset: page.skip })
}
