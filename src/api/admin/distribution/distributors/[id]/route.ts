import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { distributionService } from "../../../../utils"
import { AdminUpdateDistributorType } from "../../validators"

/** A distributor with its upline (nearest first) and team size per level. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service = distributionService(req)
  const distributor = await service.retrieveDistributor(req.params.id)
  const uplineIds = await service.listUplineIds(distributor.id)
  const uplineRows = uplineIds.length ? await service.listDistributors({ id: uplineIds }) : []
  const upline = uplineIds.map((id) => uplineRows.find((d) => d.id === id)).filter(Boolean)
  const team_counts = await service.countTeam(distributor.id)
  const balances = await service.getBalances(distributor.id)
  res.json({ distributor, upline, team_counts, balances })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateDistributorType>, res: MedusaResponse) => {
  const service = distributionService(req)
  await service.retrieveDistributor(req.params.id)
  const distributor = await service.updateDistributors({ id: req.params.id, ...req.validatedBody })
  res.json({ distributor })
}
