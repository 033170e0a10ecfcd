import { model } from "@medusajs/framework/utils"

/**
 * A distributor grade (初级 / 中级 / 高级 …): its own rate per level, the conditions for an
 * automatic upgrade, what it may see, and optionally the customer group its members join
 * (so agents get the merchant's price lists through Medusa's own pricing).
 */
const Grade = model
  .define(
    { name: "Grade", tableName: "distribution_grade" },
    {
      id: model.id({ prefix: "dgrd" }).primaryKey(),
      name: model.text(),
      /** Higher is better; upgrades only ever go up. */
      rank: model.number(),
      /** Fractions per level, e.g. ["0.12", "0.06"]; a missing level falls back to the settings. */
      level_rates: model.json(),
      /** { own_sales?, team_sales?, direct_buyers?, team_size?, match: "any" | "all" } */
      conditions: model.json().nullable(),
      customer_group_id: model.text().nullable(),
      can_view_team: model.boolean().default(true),
      metadata: model.json().nullable(),
    }
  )
  .indexes([{ on: ["rank"], unique: true, where: "deleted_at IS NULL" }])

export default Grade
