import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { myDistributor, pageOf } from "../../../../utils"
import { listTeam } from "../../../../team"

/** My team at one level (1 = people I brought, 2 = theirs, 3 = theirs). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const distributor = await myDistributor(req)
  const level = (req.validatedQuery as { level: number }).level
  const page = pageOf(req)
  const { members, count } = await listTeam(req, distributor.id, level, page)
  res.json({ members, count, limit: page.take, offset: page.skip })
}
