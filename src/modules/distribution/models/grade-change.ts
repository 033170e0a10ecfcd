import { model } from "@medusajs/framework/utils"

export const GRADE_CHANGE_SOURCES = ["auto", "admin"] as const

/**
 * Every change of a distributor's grade: an automatic upgrade (with the metrics that earned
 * it) or an admin's hand (with who and why). Nothing moves a grade without a row here.
 */
const GradeChange = model
  .define(
    { name: "GradeChange", tableName: "distribution_grade_change" },
    {
      id: model.id({ prefix: "dgch" }).primaryKey(),
      distributor_id: model.text(),
      from_grade_id: model.text().nullable(),
      to_grade_id: model.text().nullable(),
      source: model.enum([...GRADE_CHANGE_SOURCES]),
      actor_id: model.text().nullable(),
      reason: model.text().nullable(),
      /** The metrics that met the grade's conditions (automatic upgrades). */
      metrics: model.json().nullable(),
    }
  )
  .indexes([{ on: ["distributor_id", "created_at"], where: "deleted_at IS NULL" }])

export default GradeChange
