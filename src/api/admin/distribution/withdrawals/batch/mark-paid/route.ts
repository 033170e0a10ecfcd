import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { markWithdrawalsPaidWorkflow } from "../../../../../../workflows/withdrawal/workflows/mark-withdrawals-paid"
import { formatWithdrawal } from "../../../../../utils"
import { AdminBatchMarkPaidType } from "../../../wallet-validators"

/** Marks a batch paid with its references, all or none; repeating it pays nothing twice (`already_paid`). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminBatchMarkPaidType>, res: MedusaResponse) => {
  const { result } = await markWithdrawalsPaidWorkflow(req.scope).run({ input: { items: req.validatedBody.items } })
  res.json({ paid: result.paid.map(formatWithdrawal), already_paid: result.already_paid })
}
