import { z } from "@medusajs/framework/zod"
import { findParams, safeId, safeText } from "../../../common/validators"
import { MATERIAL_KINDS } from "../../../../modules/distribution/models/material"

/** Where the file module put the file: an http(s) URL. */
const fileUrl = safeText({ min: 1, max: 2000 }).pipe(
  z.url({ protocol: /^https?$/, error: "file_url must be an http(s) URL, as the file module answers on upload" })
)

const fields = {
  kind: z.enum(MATERIAL_KINDS, { error: `kind must be one of ${MATERIAL_KINDS.join(", ")}` }),
  title: safeText({ min: 1, max: 200 }),
  body: safeText({ max: 10_000 }).nullable(),
  file_url: fileUrl.nullable(),
  /** [] = every grade. */
  grade_ids: z.array(safeId()).max(50, "a material is tagged with at most 50 grades"),
}

export const AdminCreateMaterial = z.strictObject({
  kind: fields.kind,
  title: fields.title,
  body: fields.body.optional(),
  file_url: fields.file_url.optional(),
  grade_ids: fields.grade_ids.optional(),
})
export type AdminCreateMaterialType = z.infer<typeof AdminCreateMaterial>

export const AdminUpdateMaterial = AdminCreateMaterial.partial()
export type AdminUpdateMaterialType = z.infer<typeof AdminUpdateMaterial>

export const AdminListMaterials = findParams().merge(
  z.object({ kind: fields.kind.optional(), grade_id: safeId().optional() })
)
export type AdminListMaterialsType = z.infer<typeof AdminListMaterials>
