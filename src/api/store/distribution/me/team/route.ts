import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { distributionService, myDistributor, pageOf } from "../../../../utils"
import { listTeam } from "../../../../team"

/** My team at one level (1 = people I brought, 2 = theirs, 3 = theirs). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const distributor = await myDistributor(req)
  const level = (req.validatedQuery as { level: number }).level
  const page = pageOf(req)
  // Team performance is a grade's privilege (e.g. only from 中级 up); without a grade, it is shown.
  const grade = distributor.grade_id ? await distributionService(req).retrieveGrade(distributor.grade_id).catch(() => null) : null
  const can_view_performance = grade ? grade.can_view_team : true
  const { members, count } = await listTeam(req, distributor.id, level, page, { with_performance: can_view_performance })
  res.json({ members, count, limit: page.take, offset: page.skip, can_view_performance })
}
