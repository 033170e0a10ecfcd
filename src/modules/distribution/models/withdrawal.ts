import { model } from "@medusajs/framework/utils"
import { WITHDRAWAL_METHODS } from "../settings"

export const WITHDRAWAL_STATUSES = ["requested", "approved", "paid", "rejected", "failed"] as const

/**
 * A distributor's request to take money out of the wallet. The amount leaves the
 * balance when requested (a ledger debit) and comes back if rejected or failed.
 */
const Withdrawal = model
  .define(
    { name: "Withdrawal", tableName: "distribution_withdrawal" },
    {
      id: model.id({ prefix: "dwd" }).primaryKey(),
      distributor_id: model.text(),
      currency_code: model.text(),
      amount: model.bigNumber(),
      fee_amount: model.bigNumber(),
      net_amount: model.bigNumber(),
      method: model.enum([...WITHDRAWAL_METHODS]),
      /** The account as shown: numbers and emails masked. The real one is only in `account_encrypted`. */
      account: model.json(),
      /** The account sealed with AES-256-GCM (`account-crypto.ts`), and the id of the key that sealed it. */
      account_encrypted: model.text().nullable(),
      account_key_id: model.text().nullable(),
      status: model.enum([...WITHDRAWAL_STATUSES]).default("requested"),
      reason: model.text().nullable(),
      reference: model.text().nullable(),
      approved_at: model.dateTime().nullable(),
      paid_at: model.dateTime().nullable(),
      rejected_at: model.dateTime().nullable(),
    }
  )
  .indexes([
    { on: ["distributor_id", "created_at"], where: "deleted_at IS NULL" },
    { on: ["status"], where: "deleted_at IS NULL" },
    { on: ["paid_at"], where: "deleted_at IS NULL AND paid_at IS NOT NULL" },
    { on: ["account_key_id"], where: "deleted_at IS NULL" },
  ])

export default Withdrawal
