import { model } from "@medusajs/framework/utils"

/**
 * A repurchase reminder sent to a bound customer, keyed by the order it follows: one per
 * customer and reorder interval, however many workers run the job at once.
 */
const RepurchaseReminder = model
  .define(
    { name: "RepurchaseReminder", tableName: "distribution_repurchase_reminder" },
    {
      id: model.id({ prefix: "drem" }).primaryKey(),
      customer_id: model.text(),
      distributor_id: model.text(),
      last_order_id: model.text(),
      interval_days: model.number(),
      due_at: model.dateTime(),
    }
  )
  .indexes([{ on: ["customer_id", "last_order_id"], unique: true, where: "deleted_at IS NULL" }])

export default RepurchaseReminder
