import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { distributionService, pageOf } from "../../../utils"
import { AdminCreateMaterialType, AdminListMaterialsType } from "./validators"
import { checkMaterial, formatMaterial } from "./material-rules"

/** Every material, newest first; `kind` and `grade_id` (tagged with it) narrow the list. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { kind, grade_id } = req.validatedQuery as AdminListMaterialsType
  const page = pageOf(req)
  const service = distributionService(req)
  const filters = kind ? { kind } : {}
  if (grade_id) {
    // A grade's own materials: a JSON array filter; few rows, so filtered here and paged after.
    const all = await service.listMaterials(filters, { order: { created_at: "DESC", id: "DESC" } })
    const tagged = all.filter((m) => (m.grade_ids as unknown as string[]).includes(grade_id))
    const slice = tagged.slice(page.skip, page.skip + page.take)
    return res.json({ materials: slice.map(formatMaterial), count: tagged.length, limit: page.take, offset: page.skip })
  }
  const [materials, count] = await service.listAndCountMaterials(filters, { ...page, order: { created_at: "DESC", id: "DESC" } })
  res.json({ materials: materials.map(formatMaterial), count, limit: page.take, offset: page.skip })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateMaterialType>, res: MedusaResponse) => {
  const service = distributionService(req)
  const material = await service.createMaterials(await checkMaterial(service, req.validatedBody))
  res.json({ material: formatMaterial(material) })
}
