import { model } from "@medusajs/framework/utils"

export const CAMPAIGN_SCOPES = ["all", "product", "category"] as const

/** A time-boxed incentive (限时激励): a multiplier of the rate, or rates of its own, on a scope. */
const CommissionCampaign = model
  .define(
    { name: "CommissionCampaign", tableName: "distribution_campaign" },
    {
      id: model.id({ prefix: "dcmp" }).primaryKey(),
      name: model.text(),
      starts_at: model.dateTime(),
      ends_at: model.dateTime(),
      scope: model.enum([...CAMPAIGN_SCOPES]).default("all"),
      scope_ids: model.json().nullable(),
      multiplier: model.text().nullable(),
      level_rates: model.json().nullable(),
    }
  )
  .indexes([{ on: ["starts_at", "ends_at"], where: "deleted_at IS NULL" }])

export default CommissionCampaign
