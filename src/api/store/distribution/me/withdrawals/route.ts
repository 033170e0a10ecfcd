import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requestWithdrawalWorkflow } from "../../../../../workflows/withdrawal/workflows/request-withdrawal"
import { distributionService, formatWithdrawal, myDistributor, pageOf } from "../../../../utils"
import { StoreCreateWithdrawalType } from "../../validators"

/** Ask to be paid out of my wallet; the amount leaves the available balance at once. */
export const POST = async (req: AuthenticatedMedusaRequest<StoreCreateWithdrawalType>, res: MedusaResponse) => {
  const { result } = await requestWithdrawalWorkflow(req.scope).run({
    input: { customer_id: req.auth_context.actor_id, ...req.validatedBody },
  })
  res.json({ withdrawal: formatWithdrawal(result) })
}

/** My withdrawals, newest first. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const distributor = await myDistributor(req)
  const { status } = req.validatedQuery as { status?: "requested" | "approved" | "paid" | "rejected" | "failed" }
  const page = pageOf(req)
  const [withdrawals, count] = await distributionService(req).listAndCountWithdrawals(
    { distributor_id: distributor.id, ...(status ? { status } : {}) },
    { ...page, order: { created_at: "DESC" } }
  )
  res.json({ withdrawals: withdrawals.map(formatWithdrawal), count, limit: page.take, offset: page.skip })
}
