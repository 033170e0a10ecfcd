import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { settleCommissionsWorkflow } from "../../../../../workflows/commission/workflows/settle-commissions"

/** Settle matured commissions now: the scheduled job's work, for operators. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await settleCommissionsWorkflow(req.scope).run({ input: {} })
  res.json({ settled: result.settled })
}
