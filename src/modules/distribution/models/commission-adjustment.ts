import { model } from "@medusajs/framework/utils"

/** A change of a commission after placement: the signed difference, why, and what caused it. */
const CommissionAdjustment = model
  .define(
    { name: "CommissionAdjustment", tableName: "distribution_commission_adjustment" },
    {
      id: model.id({ prefix: "dcadj" }).primaryKey(),
      commission_id: model.text(),
      order_id: model.text(),
      amount: model.bigNumber(),
      reason: model.text(),
      source_id: model.text().nullable(),
      lines: model.json().nullable(),
    }
  )
  .indexes([
    { on: ["commission_id"], where: "deleted_at IS NULL" },
    { on: ["created_at"], where: "deleted_at IS NULL" },
  ])

export default CommissionAdjustment
