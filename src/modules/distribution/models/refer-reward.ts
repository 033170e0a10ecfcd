import { model } from "@medusajs/framework/utils"

/**
 * A 推三返一 (refer-N-get-one) reward: N customers the distributor referred each had a settled
 * order within the window, and the distributor was credited the smallest of those orders'
 * kept goods value (capped). `reward_key` (distributor, currency, the orders) is unique, and
 * each order is claimed once in `distribution_refer_reward_order`.
 */
const ReferReward = model
  .define(
    { name: "ReferReward", tableName: "distribution_refer_reward" },
    {
      id: model.id({ prefix: "drrw" }).primaryKey(),
      distributor_id: model.text(),
      currency_code: model.text(),
      /** "<distributor_id>:<currency>:<order ids, sorted, comma-separated>" */
      reward_key: model.text(),
      /** The referred orders this reward counted, oldest first. */
      order_ids: model.json(),
      /** The order whose value was credited: the smallest of them. */
      base_order_id: model.text(),
      base_amount: model.bigNumber(),
      amount: model.bigNumber(),
      /** The terms it was paid under: N, the window in days, the cap (null = none). */
      n: model.number(),
      window_days: model.number(),
      cap: model.text().nullable(),
    }
  )
  .indexes([
    { on: ["reward_key"], unique: true, where: "deleted_at IS NULL" },
    { on: ["distributor_id", "created_at"], where: "deleted_at IS NULL" },
  ])

export default ReferReward
