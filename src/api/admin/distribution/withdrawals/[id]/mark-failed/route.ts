import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { transitionWithdrawalWorkflow } from "../../../../../../workflows/withdrawal/workflows/transition-withdrawal"
import { formatWithdrawal } from "../../../../../utils"

/** The payout of an approved withdrawal bounced: the money goes back to the wallet, once. */
export const POST = async (req: AuthenticatedMedusaRequest<{ reason: string }>, res: MedusaResponse) => {
  const { result } = await transitionWithdrawalWorkflow(req.scope).run({
    input: { id: req.params.id, action: "mark_failed", reason: req.validatedBody.reason },
  })
  res.json({ withdrawal: formatWithdrawal(result) })
}
