import { model } from "@medusajs/framework/utils"

/**
 * A step of tiered rates (阶梯): a distributor whose kept sales this month, in this currency,
 * reach `min_sales` earns these rates per level on new orders, when they beat their grade's.
 */
const SalesTier = model
  .define(
    { name: "SalesTier", tableName: "distribution_sales_tier" },
    {
      id: model.id({ prefix: "dtier" }).primaryKey(),
      name: model.text(),
      currency_code: model.text(),
      min_sales: model.bigNumber(),
      level_rates: model.json(),
    }
  )
  .indexes([{ on: ["currency_code", "min_sales"], where: "deleted_at IS NULL" }])

export default SalesTier
