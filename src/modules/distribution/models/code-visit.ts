import { model } from "@medusajs/framework/utils"

/** One look-up of a share code by a storefront: the raw material of conversion stats. */
const CodeVisit = model
  .define(
    { name: "CodeVisit", tableName: "distribution_code_visit" },
    {
      id: model.id({ prefix: "dvis" }).primaryKey(),
      code: model.text(),
      distributor_id: model.text(),
      product_id: model.text().nullable(),
    }
  )
  .indexes([{ on: ["distributor_id"], where: "deleted_at IS NULL" }])

export default CodeVisit
