import { model } from "@medusajs/framework/utils"

export const MATERIAL_KINDS = ["image", "video", "copy"] as const

/**
 * A promotional material (推广素材) distributors may use: an image or a video (a file kept by
 * Medusa's file module; `file_url` is what the module answered) or a piece of copy (`body`).
 * `grade_ids` tags the grades that see it; empty = every grade (and distributors without one).
 */
const Material = model
  .define(
    { name: "Material", tableName: "distribution_material" },
    {
      id: model.id({ prefix: "dmat" }).primaryKey(),
      kind: model.enum([...MATERIAL_KINDS]),
      title: model.text(),
      body: model.text().nullable(),
      file_url: model.text().nullable(),
      /** Grade ids, e.g. ["dgrd_…"]; [] = shown to every active distributor. */
      grade_ids: model.json(),
    }
  )
  .indexes([{ on: ["created_at"], where: "deleted_at IS NULL" }])

export default Material
