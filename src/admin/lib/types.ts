/**
 * Request and response shapes of the plugin's admin API as the dashboard reads them
 * (DESIGN.md section 4). Amounts are numbers in major units of their currency.
 */
import type { CurrencyAmount } from "../../types/admin-stats"

export type DistributorStatus = "pending" | "active" | "rejected" | "suspended"
export type CommissionStatus = "pending" | "frozen" | "settled" | "canceled"
export type WithdrawalStatus = "requested" | "approved" | "paid" | "rejected" | "failed"
export type AttributionSource = "self" | "binding" | "cart_code"

export type Distributor = {
  id: string
  customer_id: string
  code: string
  status: DistributorStatus
  parent_id: string | null
  grade_id: string | null
  display_name: string | null
  status_reason?: string | null
  approved_at?: string | null
  metadata?: Record<string, unknown> | null
  created_at: string
  /** Present when the list is asked for `fields=*customer` (query.graph link). */
  customer?: { id: string; email: string | null; first_name: string | null; last_name: string | null } | null
}

export type Balance = {
  currency_code: string
  pending: number
  frozen: number
  available: number
  withdrawn: number
}

export type TeamCounts = Record<"1" | "2" | "3", number>

export type Page = { count: number; limit: number; offset: number }

export type DistributorListResponse = Page & { distributors: Distributor[] }
export type DistributorDetailResponse = {
  distributor: Distributor
  upline: Distributor[]
  team_counts: TeamCounts
  balances?: Balance[]
  /** When the server renders the share link for admins. */
  share_link?: { url: string; qr_svg?: string } | null
}
export type TeamMember = Pick<Distributor, "id" | "code" | "status" | "display_name" | "parent_id" | "created_at"> & { level: number }
export type TeamResponse = Page & { members: TeamMember[] }

export type BatchAction = "approve" | "reject" | "suspend"
export type DistributorBatchRequest = { ids: string[]; action: BatchAction; reason?: string }

export type CommissionLine = {
  line_item_id: string
  product_id: string | null
  quantity: number
  base: number
  rate?: number
  fixed?: number
  amount: number
  source: string
}
export type CommissionAdjustment = { id: string; amount: number; reason: string; source_id: string | null; created_at: string }
export type Commission = {
  id: string
  order_id: string
  distributor_id: string
  level: number
  status: CommissionStatus
  amount: number
  accrued_amount: number
  reversed_amount: number
  currency_code: string
  available_at: string | null
  settled_at: string | null
  created_at: string
  lines: CommissionLine[]
  adjustments?: CommissionAdjustment[]
}
export type CommissionListResponse = Page & { commissions: Commission[] }
export type OrderCommissionsResponse = {
  order_id: string
  attribution: { distributor_id: string; code: string; source: AttributionSource } | null
  commissions: Commission[]
}

export type Withdrawal = {
  id: string
  distributor_id: string
  currency_code: string
  amount: number
  fee_amount: number
  net_amount: number
  method: string
  account: Record<string, unknown> | null
  status: WithdrawalStatus
  reason: string | null
  reference: string | null
  approved_at?: string | null
  paid_at?: string | null
  rejected_at?: string | null
  created_at: string
}
export type WithdrawalListResponse = Page & { withdrawals: Withdrawal[] }

export type LedgerEntry = {
  id: string
  distributor_id: string
  currency_code: string
  amount: number
  type: string
  reason?: string | null
  source_id?: string | null
  created_at: string
}
export type LedgerListResponse = Page & { entries?: LedgerEntry[]; ledger_entries?: LedgerEntry[] }

export type Settings = {
  enabled: boolean
  max_levels: number
  level_rates: number[]
  max_total_rate: number
  enrollment_mode: "open" | "approval" | "after_first_order" | "invite_only"
  binding_policy: "first" | "override" | "expiring"
  binding_days: number
  self_purchase: boolean
  settlement_trigger: "delivered_or_completed" | "completed" | "captured"
  freeze_days: number
  withdrawal_min: number
  withdrawal_max: number | null
  withdrawal_daily_max: number | null
  withdrawal_fee_rate: number
  withdrawal_methods: string[]
  storefront_url: string
  share_promotion_code: string | null
  refer_reward_enabled: boolean
  refer_reward_n: number
  refer_reward_window_days: number
  refer_reward_cap: number | null
}
export type SettingChange = {
  id: string
  changes: Record<string, { from: unknown; to: unknown }>
  actor_id: string | null
  created_at: string
}
export type SettingsResponse = { settings: Settings; changes?: SettingChange[] }

/**
 * `GET /admin/distribution/stats?from=&to=` (UTC days `YYYY-MM-DD`, both included): the
 * server's own type. Money never mixes currencies: every amount is a list of
 * `{ currency_code, amount }`.
 */
export type { CurrencyAmount, CurrencyRatio } from "../../types/admin-stats"
export type { AdminStatsResponse as StatsResponse } from "../../types/admin-stats"
/** An amount as the pages accept it: a list per currency, a map, or one number. */
export type Money = number | CurrencyAmount[] | Record<string, number>

/** `GET /admin/distribution/customers/:id`: the customer as a distributor and as a bound shopper. */
export type CustomerDistributionResponse = {
  distributor: Distributor | null
  parent?: Distributor | null
  team_counts?: TeamCounts
  balances?: Balance[]
  /** Whom the customer is bound to; null when nobody (undefined: not known, an older server). */
  binding?: { distributor_id: string; code?: string; bound_at?: string; expires_at?: string | null; distributor?: Distributor | null } | null
}
