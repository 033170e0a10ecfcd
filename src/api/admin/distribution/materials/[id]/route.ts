import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { distributionService } from "../../../../utils"
import { notFound } from "../../../../../modules/distribution/errors"
import { AdminUpdateMaterialType } from "../validators"
import { checkMaterial, formatMaterial } from "../material-rules"

async function materialOf(req: AuthenticatedMedusaRequest) {
  const [material] = await distributionService(req).listMaterials({ id: req.params.id }, { take: 1 })
  if (!material) throw notFound(`Material ${req.params.id} was not found`)
  return material
}

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ material: formatMaterial(await materialOf(req)) })
}

/** Changes some fields; the whole material is checked again (a copy still needs its body…). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateMaterialType>, res: MedusaResponse) => {
  const service = distributionService(req)
  const current = await materialOf(req)
  const merged = await checkMaterial(service, {
    kind: current.kind,
    title: current.title,
    body: current.body,
    file_url: current.file_url,
    grade_ids: current.grade_ids as unknown as string[],
    ...req.validatedBody,
  })
  const material = await service.updateMaterials({ id: current.id, ...merged })
  res.json({ material: formatMaterial(material) })
}

/** Removes a material from the lists (soft delete); the file stays with the file module. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const material = await materialOf(req)
  await distributionService(req).softDeleteMaterials(material.id)
  res.json({ id: material.id, object: "material", deleted: true })
}
