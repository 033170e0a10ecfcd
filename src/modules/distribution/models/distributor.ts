import { model } from "@medusajs/framework/utils"

export const DISTRIBUTOR_STATUSES = ["pending", "active", "rejected", "suspended"] as const

/** A customer who shares codes and earns commission. `parent_id` is their upline. */
const Distributor = model
  .define(
    { name: "Distributor", tableName: "distribution_distributor" },
    {
      id: model.id({ prefix: "dist" }).primaryKey(),
      customer_id: model.text(),
      code: model.text(),
      status: model.enum([...DISTRIBUTOR_STATUSES]).default("pending"),
      parent_id: model.text().nullable(),
      grade_id: model.text().nullable(),
      display_name: model.text().nullable(),
      status_reason: model.text().nullable(),
      approved_at: model.dateTime().nullable(),
      metadata: model.json().nullable(),
    }
  )
  .indexes([
    { on: ["customer_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["code"], unique: true, where: "deleted_at IS NULL" },
    { on: ["parent_id"], where: "deleted_at IS NULL" },
    { on: ["status"], where: "deleted_at IS NULL" },
    { on: ["created_at"], where: "deleted_at IS NULL" },
    // The overview's rollup: the distributors changed since its last look (deleted ones too).
    { on: ["updated_at"] },
  ])

export default Distributor
