import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { reconcileCommissionsWorkflow } from "../../../../workflows/wallet/workflows/reconcile-commissions"
import { dateRange, DateRangeQuery } from "../../../wallet"

/** Recomputes the range's commissions from their orders and checks the ledger: `{ checked, differences }`, expected empty. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { from, to } = dateRange(req.validatedQuery as DateRangeQuery)
  const { result } = await reconcileCommissionsWorkflow(req.scope).run({
    input: { from: from?.toISOString() ?? null, to: to?.toISOString() ?? null },
  })
  res.json(result)
}
