import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { adjustWalletWorkflow } from "../../../../../../workflows/wallet/workflows/adjust-wallet"
import { formatLedgerEntry } from "../../../../../wallet"
import { AdminCreateAdjustmentType } from "../../../wallet-validators"

/** Credits (amount > 0) or debits (amount < 0) the distributor's wallet, recording the admin and the reason. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateAdjustmentType>, res: MedusaResponse) => {
  const { result } = await adjustWalletWorkflow(req.scope).run({
    input: { distributor_id: req.params.id, ...req.validatedBody, created_by: req.auth_context.actor_id ?? null },
  })
  res.json({ ledger_entry: formatLedgerEntry(result) })
}
