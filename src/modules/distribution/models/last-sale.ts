import { model } from "@medusajs/framework/utils"

/**
 * The last rolled-up UTC day on which a distributor had an attributed order, kept by the
 * overview's rollup. A distributor sold in a range reaching the end of the rollup exactly
 * when this day is in it, so the overview counts the sellers that are no longer active
 * with one lookup each instead of reading their days.
 */
const LastSale = model
  .define(
    { name: "LastSale", tableName: "distribution_last_sale" },
    {
      id: model.id({ prefix: "dlsale" }).primaryKey(),
      distributor_id: model.text(),
      day: model.dateTime(),
    }
  )
  .indexes([{ on: ["distributor_id"], unique: true, where: "deleted_at IS NULL" }])

export default LastSale
