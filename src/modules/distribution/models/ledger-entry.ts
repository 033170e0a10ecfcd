import { model } from "@medusajs/framework/utils"

export const LEDGER_ENTRY_TYPES = [
  "settlement",
  "clawback",
  "commission_adjustment",
  "withdrawal",
  "withdrawal_reversal",
  "admin_adjustment",
  "team_bonus",
  "refer_reward",
] as const

/**
 * The wallet: append-only, signed amounts, balance = sum. `(type, reference_id)`
 * is unique, so settling a commission or clawing back an adjustment twice is a no-op.
 */
const LedgerEntry = model
  .define(
    { name: "LedgerEntry", tableName: "distribution_ledger_entry" },
    {
      id: model.id({ prefix: "dled" }).primaryKey(),
      distributor_id: model.text(),
      currency_code: model.text(),
      amount: model.bigNumber(),
      type: model.enum([...LEDGER_ENTRY_TYPES]),
      reference_id: model.text().nullable(),
      note: model.text().nullable(),
      /** Who wrote it by hand: the admin user of an adjustment (null for the engine's own entries). */
      created_by: model.text().nullable(),
    }
  )
  .indexes([
    { on: ["type", "reference_id"], unique: true, where: "deleted_at IS NULL AND reference_id IS NOT NULL" },
    { on: ["distributor_id", "currency_code"], where: "deleted_at IS NULL" },
    { on: ["distributor_id", "created_at"], where: "deleted_at IS NULL" },
    { on: ["created_at"], where: "deleted_at IS NULL" },
  ])

export default LedgerEntry
