import { model } from "@medusajs/framework/utils"

/** One plan's bonus for one distributor, month and currency: unique, so a period is paid once. */
const TeamBonusPayout = model
  .define(
    { name: "TeamBonusPayout", tableName: "distribution_team_bonus_payout" },
    {
      id: model.id({ prefix: "dtbo" }).primaryKey(),
      plan_id: model.text(),
      /** "YYYY-MM" (UTC). */
      period: model.text(),
      distributor_id: model.text(),
      currency_code: model.text(),
      team_sales: model.bigNumber(),
      rate: model.text(),
      amount: model.bigNumber(),
    }
  )
  .indexes([{ on: ["plan_id", "period", "distributor_id", "currency_code"], unique: true, where: "deleted_at IS NULL" }])

export default TeamBonusPayout
