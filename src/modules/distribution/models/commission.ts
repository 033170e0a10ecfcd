import { model } from "@medusajs/framework/utils"

export const COMMISSION_STATUSES = ["pending", "frozen", "settled", "canceled"] as const

/**
 * What one level of an order's chain earns. `amount` is the current value after
 * adjustments, `accrued_amount` the value at placement; `lines` say how each
 * order line contributed and which rule produced it.
 */
const Commission = model
  .define(
    { name: "Commission", tableName: "distribution_commission" },
    {
      id: model.id({ prefix: "dcom" }).primaryKey(),
      order_id: model.text(),
      distributor_id: model.text(),
      level: model.number(),
      status: model.enum([...COMMISSION_STATUSES]).default("pending"),
      currency_code: model.text(),
      amount: model.bigNumber(),
      accrued_amount: model.bigNumber(),
      reversed_amount: model.bigNumber().default(0),
      /** The goods value kept that this commission is computed on now (the sum of its lines' bases). */
      base_amount: model.bigNumber().nullable(),
      lines: model.json(),
      available_at: model.dateTime().nullable(),
      settled_at: model.dateTime().nullable(),
    }
  )
  .indexes([
    { on: ["order_id", "level"], unique: true, where: "deleted_at IS NULL" },
    { on: ["distributor_id", "status"], where: "deleted_at IS NULL" },
    { on: ["status", "available_at"], where: "deleted_at IS NULL" },
    { on: ["created_at"], where: "deleted_at IS NULL" },
    // The overview's open balances (pending / frozen per currency) read from the index alone.
    { on: ["status", "currency_code", "amount"], where: "deleted_at IS NULL" },
  ])

export default Commission
