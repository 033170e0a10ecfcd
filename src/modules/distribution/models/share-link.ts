import { model } from "@medusajs/framework/utils"

/** A distributor's code for one product ("one item, one code"); the store-wide link uses the distributor's own code. */
const ShareLink = model
  .define(
    { name: "ShareLink", tableName: "distribution_share_link" },
    {
      id: model.id({ prefix: "dlink" }).primaryKey(),
      distributor_id: model.text(),
      product_id: model.text(),
      code: model.text(),
    }
  )
  .indexes([
    { on: ["code"], unique: true, where: "deleted_at IS NULL" },
    { on: ["distributor_id", "product_id"], unique: true, where: "deleted_at IS NULL" },
  ])

export default ShareLink
