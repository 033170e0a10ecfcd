export type CurrencyBalance = {
  currency_code: string
  pending: number
  frozen: number
  available: number
  withdrawn: number
}

export type ApplyCommissionsResult = {
  created: string[]
  adjusted: string[]
}

export type SettledCommission = {
  id: string
  distributor_id: string
  currency_code: string
  amount: string
  order_id: string
}

export type { DistributorStatus, WithdrawalStatus, CommissionStatus } from "../modules/distribution/transitions"

/** A withdrawal request that passed the store's rules, with its fee worked out. */
export type ValidatedWithdrawal = {
  distributor_id: string
  currency_code: string
  amount: string
  fee_amount: string
  method: string
  /** Masked: what responses show. */
  account: Record<string, unknown>
  /** The real account, sealed (AES-256-GCM), and the key id that sealed it. */
  account_encrypted: string
  account_key_id: string
  daily_max: number | null
}

export type * from "./admin-stats"
export type * from "./admin-lists"
