import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { distributionService, myDistributor, pageOf } from "../../../../utils"

/**
 * The promotional materials my grade may use: those for every grade, and those tagged with
 * mine; newest first. Only an active distributor has any (a pending or suspended one is told why).
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const distributor = await myDistributor(req)
  if (distributor.status !== "active") {
    throw new MedusaError(MedusaError.Types.FORBIDDEN, `Materials are for active distributors; your application is ${distributor.status}`)
  }
  const page = pageOf(req)
  const { materials, count } = await distributionService(req).listMaterialsVisibleTo(distributor.grade_id ?? null, page)
  res.json({
    materials: materials.map((m) => ({ id: m.id, kind: m.kind, title: m.title, body: m.body, file_url: m.file_url, grade_ids: m.grade_ids, created_at: m.created_at })),
    count,
    limit: page.take,
    offset: page.skip,
  })
}
