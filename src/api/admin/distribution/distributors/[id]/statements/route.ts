import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { distributionService } from "../../../../../utils"
import { monthOf } from "../../../../../wallet"
import { notFound } from "../../../../../../modules/distribution/errors"
import { MonthParamsType } from "../../../wallet-validators"

/** The distributor's statement for a month (UTC), per currency: opening, credits, debits, closing. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service = distributionService(req)
  const [distributor] = await service.listDistributors({ id: req.params.id }, { take: 1 })
  if (!distributor) throw notFound(`Distributor ${req.params.id} was not found`)
  const { month, start, end } = monthOf(req.validatedQuery as MonthParamsType)
  res.json({ month, statements: await service.getStatements(distributor.id, start, end) })
}
