import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { distributionService, myDistributor } from "../../../utils"

/** My distributor record and my balances per currency. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const distributor = await myDistributor(req)
  const balances = await distributionService(req).getBalances(distributor.id)
  res.json({ distributor, balances })
}
