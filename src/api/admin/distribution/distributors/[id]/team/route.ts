import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { distributionService, pageOf } from "../../../../../utils"
import { listTeam } from "../../../../../team"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await distributionService(req).retrieveDistributor(req.params.id)
  const level = (req.validatedQuery as { level: number }).level
  const page = pageOf(req)
  const { members, count } = await listTeam(req, req.params.id, level, page, { with_performance: true })
  res.json({ members, count, limit: page.take, offset: page.skip })
}
