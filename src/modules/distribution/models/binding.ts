import { model } from "@medusajs/framework/utils"

export const BINDING_SOURCES = ["link", "code", "cart", "order", "admin"] as const

/** Who brought this customer: one current binding per customer. */
const Binding = model
  .define(
    { name: "Binding", tableName: "distribution_binding" },
    {
      id: model.id({ prefix: "dbind" }).primaryKey(),
      customer_id: model.text(),
      distributor_id: model.text(),
      code: model.text(),
      source: model.enum([...BINDING_SOURCES]).default("code"),
      bound_at: model.dateTime(),
      expires_at: model.dateTime().nullable(),
    }
  )
  .indexes([
    { on: ["customer_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["distributor_id"], where: "deleted_at IS NULL" },
  ])

export default Binding
