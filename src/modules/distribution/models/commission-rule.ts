import { model } from "@medusajs/framework/utils"

export const RULE_SCOPES = ["product", "category", "collection", "product_type"] as const
export const RULE_KINDS = ["rate", "fixed", "none"] as const

/**
 * Commission by product, category, collection or product type: a rate per level, a fixed
 * amount per unit per level (in `currency_code`), or no commission at all (an exclusion).
 */
const CommissionRule = model
  .define(
    { name: "CommissionRule", tableName: "distribution_rule" },
    {
      id: model.id({ prefix: "drule" }).primaryKey(),
      name: model.text().nullable(),
      scope: model.enum([...RULE_SCOPES]),
      scope_id: model.text(),
      kind: model.enum([...RULE_KINDS]),
      /** Per level: fractions for `rate`, amounts per unit for `fixed`; empty for `none`. */
      level_values: model.json(),
      /** Fixed amounts are money: they apply to orders in this currency only. */
      currency_code: model.text().nullable(),
      priority: model.number().default(0),
    }
  )
  .indexes([{ on: ["scope", "scope_id"], where: "deleted_at IS NULL" }])

export default CommissionRule
