import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { distributionService, pageOf } from "../../../../utils"
import { AdminTeamBonusPlanBody } from "../validators"
import { checkTeamBonusPlan } from "../plan-guard"

const shown = <T extends { rate: string }>(plan: T) => ({ ...plan, rate: Number(plan.rate) })

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const page = pageOf(req)
  const [plans, count] = await distributionService(req).listAndCountTeamBonusPlans({}, { ...page, order: { created_at: "ASC" } })
  res.json({ team_bonus_plans: plans.map(shown), count, limit: page.take, offset: page.skip })
}

export const POST = async (req: AuthenticatedMedusaRequest<Required<Pick<AdminTeamBonusPlanBody, "name" | "grade_id" | "rate">> & AdminTeamBonusPlanBody>, res: MedusaResponse) => {
  const service = distributionService(req)
  await checkTeamBonusPlan(service, req.validatedBody)
  const plan = await service.createTeamBonusPlans({ ...req.validatedBody, rate: String(req.validatedBody.rate) })
  res.json({ team_bonus_plan: shown(plan) })
}
