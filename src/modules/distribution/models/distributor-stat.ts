import { model } from "@medusajs/framework/utils"

/**
 * What the overview's rollup last saw of a distributor: its status then (null once deleted)
 * and its last rolled-up UTC day with an attributed order. The rollup also keeps the totals
 * over these rows; the overview corrects them with the few distributors changed since
 * (through their `updated_at`), so counting who is active, or who sold in a range and is no
 * longer active, costs what changed, not how many distributors there are.
 */
const DistributorStat = model
  .define(
    { name: "DistributorStat", tableName: "distribution_distributor_stat" },
    {
      id: model.id({ prefix: "ddstat" }).primaryKey(),
      distributor_id: model.text(),
      status: model.text().nullable(),
      last_sale: model.dateTime().nullable(),
    }
  )
  .indexes([{ on: ["distributor_id"], unique: true, where: "deleted_at IS NULL" }])

export default DistributorStat
