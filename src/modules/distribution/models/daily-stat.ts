import { model } from "@medusajs/framework/utils"

export const DAILY_STAT_SCOPES = ["all", "level", "seller", "earner"] as const

/**
 * One UTC day of the admin overview (its closed hours), pre-aggregated so that a range costs the same
 * however much history the store has. Every figure is a sum of events dated that day
 * (an order placed, a commission created or adjusted, a ledger entry, a withdrawal paid, a
 * visit, a cart), and such events never move to another hour, so a rolled-up hour stays
 * exact (the rollup adds each closed hour to its day's rows). One row per day, scope and currency (`""` for counts without one: visits and
 * carts). Scopes: `all` (the store), `level` (key "1".."3"), `seller` (key the distributor an
 * order is attributed to: orders, gmv) and `earner` (key the distributor a commission pays).
 */
const DailyStat = model
  .define(
    { name: "DailyStat", tableName: "distribution_daily_stat" },
    {
      id: model.id({ prefix: "dstat" }).primaryKey(),
      day: model.dateTime(),
      scope: model.enum([...DAILY_STAT_SCOPES]),
      scope_key: model.text(),
      currency_code: model.text(),
      orders: model.number().default(0),
      gmv: model.bigNumber().default(0),
      commissions: model.number().default(0),
      accrued: model.bigNumber().default(0),
      reversed: model.bigNumber().default(0),
      settled: model.bigNumber().default(0),
      /** The net of every ledger entry that day: the wallets' balance is the sum over all days. */
      ledger: model.bigNumber().default(0),
      withdrawn: model.bigNumber().default(0),
      visits: model.number().default(0),
      carts: model.number().default(0),
    }
  )
  .indexes([
    { on: ["scope", "day", "scope_key", "currency_code"], unique: true, where: "deleted_at IS NULL" },
    // The top distributors' own rows, without reading every distributor's.
    { on: ["scope", "scope_key", "day"], where: "deleted_at IS NULL" },
  ])

export default DailyStat
