import { model } from "@medusajs/framework/utils"

/**
 * One visit through a share code: the raw material of conversion stats. The visitor is
 * a salted hash of IP and user agent, never the raw values. A visitor counts once per
 * code and window (`window_start`): the unique key makes a reload, a double request or
 * two servers at once record one visit, not several.
 */
const CodeVisit = model
  .define(
    { name: "CodeVisit", tableName: "distribution_code_visit" },
    {
      id: model.id({ prefix: "dvis" }).primaryKey(),
      code: model.text(),
      distributor_id: model.text(),
      /** The product link's id; null for the distributor's store-wide code. */
      share_link_id: model.text().nullable(),
      product_id: model.text().nullable(),
      visitor_hash: model.text().nullable(),
      window_start: model.dateTime().nullable(),
    }
  )
  .indexes([
    { on: ["distributor_id"], where: "deleted_at IS NULL" },
    { on: ["code", "visitor_hash", "window_start"], unique: true, where: "deleted_at IS NULL" },
    { on: ["created_at"], where: "deleted_at IS NULL" },
  ])

export default CodeVisit
