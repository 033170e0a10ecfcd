import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { transitionWithdrawalWorkflow } from "../../../../../../workflows/withdrawal/workflows/transition-withdrawal"
import { formatWithdrawal } from "../../../../../utils"

export const POST = async (req: AuthenticatedMedusaRequest<{ reason?: string; reference?: string }>, res: MedusaResponse) => {
  const { result } = await transitionWithdrawalWorkflow(req.scope).run({
    input: { id: req.params.id, action: "reject", reason: req.validatedBody.reason, reference: req.validatedBody.reference },
  })
  res.json({ withdrawal: formatWithdrawal(result) })
}
