import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { distributionService, myDistributor } from "../../../../utils"
import { monthOf } from "../../../../wallet"
import { MonthParamsType } from "../../../../admin/distribution/wallet-validators"

/** My statement for a month (UTC), per currency: opening, credits, debits, closing (= my balance at the month's end). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const distributor = await myDistributor(req)
  const { month, start, end } = monthOf(req.validatedQuery as MonthParamsType)
  res.json({ month, statements: await distributionService(req).getStatements(distributor.id, start, end) })
}
