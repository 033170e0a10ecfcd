import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { distributionService } from "../../../../utils"
import { AdminUpdateDistributorType } from "../../validators"
import { setDistributorGradeWorkflow } from "../../../../../workflows/grade/workflows/set-distributor-grade"

/** A distributor with its upline (nearest first) and team size per level. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service = distributionService(req)
  const distributor = await service.retrieveDistributor(req.params.id)
  const uplineIds = await service.listUplineIds(distributor.id)
  const uplineRows = uplineIds.length ? await service.listDistributors({ id: uplineIds }) : []
  const upline = uplineIds.map((id) => uplineRows.find((d) => d.id === id)).filter(Boolean)
  const team_counts = await service.countTeam(distributor.id)
  const balances = await service.getBalances(distributor.id)
  const grade_changes = await service.gradeHistory(distributor.id)
  res.json({ distributor, upline, team_counts, balances, grade_changes })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateDistributorType>, res: MedusaResponse) => {
  const service = distributionService(req)
  await service.retrieveDistributor(req.params.id)
  const { grade_id, ...rest } = req.validatedBody
  if (grade_id !== undefined) {
    // A grade set by hand is recorded (who, from, to), and moves the customer between the grades' groups.
    await setDistributorGradeWorkflow(req.scope).run({
      input: { distributor_id: req.params.id, grade_id, actor_id: req.auth_context?.actor_id ?? null },
    })
  }
  const distributor = Object.keys(rest).length
    ? await service.updateDistributors({ id: req.params.id, ...rest })
    : await service.retrieveDistributor(req.params.id)
  res.json({ distributor })
}
