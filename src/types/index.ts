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
  account: Record<string, unknown>
  daily_max: number | null
}

export type * from "./admin-stats"
export type * from "./admin-lists"
