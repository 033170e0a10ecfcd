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

export type DistributorStatus = "pending" | "active" | "rejected" | "suspended"
