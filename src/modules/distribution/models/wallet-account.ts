import { model } from "@medusajs/framework/utils"

/**
 * One wallet per distributor and currency. It holds no balance (balance = the sum of its
 * ledger entries): the row exists to be locked, so that a balance check and the debit
 * after it are one step for every server at once, as Medusa's store-credit accounts are.
 */
const WalletAccount = model
  .define(
    { name: "WalletAccount", tableName: "distribution_wallet_account" },
    {
      id: model.id({ prefix: "dwal" }).primaryKey(),
      distributor_id: model.text(),
      currency_code: model.text(),
    }
  )
  .indexes([{ on: ["distributor_id", "currency_code"], unique: true, where: "deleted_at IS NULL" }])

export default WalletAccount
