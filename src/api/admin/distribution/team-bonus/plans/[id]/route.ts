import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { distributionService } from "../../../../../utils"
import { AdminTeamBonusPlanBody } from "../../validators"
import { checkTeamBonusPlan } from "../../plan-guard"

export const POST = async (req: AuthenticatedMedusaRequest<AdminTeamBonusPlanBody>, res: MedusaResponse) => {
  const service = distributionService(req)
  const current = await service.retrieveTeamBonusPlan(req.params.id)
  await checkTeamBonusPlan(service, { name: current.name, ...req.validatedBody })
  const { rate, ...rest } = req.validatedBody
  const plan = await service.updateTeamBonusPlans({ id: current.id, ...rest, ...(rate !== undefined ? { rate: String(rate) } : {}) })
  res.json({ team_bonus_plan: { ...plan, rate: Number(plan.rate) } })
}

/** Removes a plan; what it paid stays in the wallets and in the payouts. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service = distributionService(req)
  const plan = await service.retrieveTeamBonusPlan(req.params.id)
  await service.softDeleteTeamBonusPlans(plan.id)
  res.json({ id: plan.id, object: "team_bonus_plan", deleted: true })
}
