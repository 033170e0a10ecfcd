/** The wallet's admin API as its pages read it (DESIGN.md section 4, issue 9). */
import type { Page } from "../../lib/types"

export const LEDGER_TYPES = [
  "settlement",
  "clawback",
  "commission_adjustment",
  "withdrawal",
  "withdrawal_reversal",
  "admin_adjustment",
  "team_bonus",
  "refer_reward",
] as const

export type WalletLedgerEntry = {
  id: string
  distributor_id: string
  currency_code: string
  amount: number
  type: string
  reference_id: string | null
  note: string | null
  created_by?: string | null
  created_at: string
}
export type WalletLedgerResponse = Page & { ledger_entries: WalletLedgerEntry[] }

export type Statement = { currency_code: string; opening: number; credits: number; debits: number; closing: number }
export type StatementsResponse = { month: string; statements: Statement[] }

export type ReconciliationDifference = {
  check: string
  order_id: string | null
  level: number | null
  commission_id?: string
  withdrawal_id?: string
  stored: number
  expected: number
}
export type ReconciliationResponse = { checked: number; differences: ReconciliationDifference[] }

export type BatchMarkPaidResponse = { paid: { id: string }[]; already_paid: string[] }

export const EXPORT_KINDS = ["commissions", "distributors", "withdrawals", "ledger"] as const
export type ExportKind = (typeof EXPORT_KINDS)[number]
