import { model } from "@medusajs/framework/utils"

/** A referred order counted by a 推三返一 reward: unique, so an order counts for at most one reward. */
const ReferRewardOrder = model
  .define(
    { name: "ReferRewardOrder", tableName: "distribution_refer_reward_order" },
    {
      id: model.id({ prefix: "drro" }).primaryKey(),
      reward_id: model.text(),
      order_id: model.text(),
      distributor_id: model.text(),
    }
  )
  .indexes([
    { on: ["order_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["reward_id"], where: "deleted_at IS NULL" },
  ])

export default ReferRewardOrder
