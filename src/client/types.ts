/**
 * Request and response types of the plugin's store API, as they travel over the wire
 * (dates are ISO strings, amounts numbers in major units). The server's zod validators
 * are checked against the request types at compile time
 * (`src/api/store/distribution/client-contract.ts`), so the two cannot drift apart.
 *
 * This file imports nothing at run time: the client stays free of server code.
 */
import type { HttpTypes } from "@medusajs/types"

/* Shared shapes */

export type DistributorStatus = "pending" | "active" | "rejected" | "suspended"
export type CommissionStatus = "pending" | "frozen" | "settled" | "canceled"
export type WithdrawalStatus = "requested" | "approved" | "paid" | "rejected" | "failed"
export type WithdrawalMethod = "bank_transfer" | "alipay" | "wechat" | "paypal" | "store_credit"
export type BindingPolicy = "first" | "override" | "expiring"
export type EnrollmentMode = "open" | "approval" | "after_first_order" | "invite_only"

/** `limit` (1–100) and `offset` (≥ 0) of every list. */
export type PageQuery = { limit?: number; offset?: number }
export type Page = { count: number; limit: number; offset: number }

/** An amount per currency, for sums that may mix currencies. */
export type CurrencyAmount = { currency_code: string; amount: number }

export type StoreDistributor = {
  id: string
  customer_id: string
  code: string
  status: DistributorStatus
  parent_id: string | null
  grade_id: string | null
  display_name: string | null
  status_reason: string | null
  approved_at: string | null
  metadata: Record<string, unknown> | null
  created_at: string
  updated_at: string
}

export type StoreBalance = {
  currency_code: string
  pending: number
  frozen: number
  available: number
  withdrawn: number
}

export type StoreTeamMember = {
  id: string
  code: string
  status: DistributorStatus
  display_name: string | null
  parent_id: string | null
  level: number
  created_at: string
  /** Only when the distributor's grade may see team performance (`can_view_performance`). */
  performance?: { own_sales: string; team_sales: string; direct_buyers: number; team_size: number }
}

export type StoreCommissionLine = {
  line_item_id: string
  product_id: string | null
  quantity: number
  base: number
  rate: number
  amount: number
  source: string
}

export type StoreCommission = {
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
  lines: StoreCommissionLine[]
}

export type StoreWithdrawal = {
  id: string
  distributor_id: string
  currency_code: string
  amount: number
  fee_amount: number
  net_amount: number
  method: WithdrawalMethod
  account: Record<string, unknown>
  status: WithdrawalStatus
  reason: string | null
  reference: string | null
  approved_at: string | null
  paid_at: string | null
  rejected_at: string | null
  created_at: string
}

export type StoreBinding = {
  id: string
  customer_id: string
  distributor_id: string
  code: string
  source: "link" | "code" | "cart" | "order" | "admin"
  bound_at: string
  expires_at: string | null
  created_at: string
  updated_at: string
}

/** A share link: the store-wide one has `id: "store"` and `product_id: null`. */
export type StoreShareLink = {
  id: string
  code: string
  url: string
  product_id: string | null
  /** The product's title, handle and thumbnail, for product links. */
  product: { id: string; title: string; handle: string; thumbnail: string | null } | null
  qr_svg: string
  /** `data:image/png;base64,…` */
  qr_png: string
}

/** The id of the store-wide share link (it carries the distributor's own code). */
export const STORE_WIDE_LINK_ID = "store"

export type StorePoster = {
  /** The product's title; the store's name for the store-wide link. */
  title: string
  /** The product's thumbnail (or first image); null for the store-wide link or a product without images. */
  image: string | null
  /** The lowest price among the product's variants in the asked region/currency; null when it has none there, and for the store-wide link. */
  price: number | null
  currency_code: string | null
  url: string
  qr_svg: string
  qr_png: string
  /** The distributor's display name (their code when they set none). */
  display_name: string
}

/** How one share link performs: visits → carts with its code → orders → goods value kept. */
export type StoreLinkPerformance = {
  id: string
  code: string
  product_id: string | null
  url: string
  visits: number
  carts: number
  orders: number
  /** Goods value the merchant keeps on those orders (after discounts, returns and refunds; no tax, no shipping), per currency. */
  kept_gmv: CurrencyAmount[]
}

/** What a storefront needs to know about the program, readable without logging in. */
export type StoreDistributionConfig = {
  enabled: boolean
  enrollment_mode: EnrollmentMode
  binding_policy: BindingPolicy
  /** How long a captured `ref` is kept, and how long an `expiring` binding lasts. */
  binding_days: number
  /** Whether carts that carry a share code get the store's share coupon. */
  share_coupon: boolean
  storefront_url: string
  withdrawal: {
    methods: WithdrawalMethod[]
    min: number
    max: number | null
    daily_max: number | null
    fee_rate: number
  }
}

/* Requests (bodies and queries) */

export type StoreApplyBody = { display_name?: string }
export type StoreBindBody = { code: string }
export type StoreCartDistributionBody = { code: string }
export type StoreCreateShareLinkBody = { product_id?: string }
export type StoreCreateWithdrawalBody = {
  amount: number
  currency_code: string
  method: WithdrawalMethod
  account?: Record<string, unknown>
}
export type StoreTeamQuery = PageQuery & { level?: number }
export type StoreCommissionsQuery = PageQuery & { status?: CommissionStatus }
export type StoreWithdrawalsQuery = PageQuery & { status?: WithdrawalStatus }
export type StoreShareLinksQuery = PageQuery
export type StoreLinksQuery = PageQuery
/** Which prices a poster shows: a region's (its currency and price lists), or a currency's; the store's default currency otherwise. */
export type StorePosterQuery = { region_id?: string; currency_code?: string }

/* Responses */

export type StoreCodeResponse = {
  code: string
  valid: boolean
  distributor: { display_name: string } | null
  product_id: string | null
}
export type StoreConfigResponse = { config: StoreDistributionConfig }
export type StoreDistributorResponse = { distributor: StoreDistributor }
export type StoreMeResponse = { distributor: StoreDistributor; balances: StoreBalance[] }
export type StoreTeamResponse = Page & { members: StoreTeamMember[]; can_view_performance: boolean }
export type StoreCommissionsResponse = Page & { commissions: StoreCommission[] }
export type StoreWithdrawalResponse = { withdrawal: StoreWithdrawal }
export type StoreWithdrawalsResponse = Page & { withdrawals: StoreWithdrawal[] }

/** Every movement of a distributor's wallet: settlements, clawbacks, withdrawals, adjustments, team bonus… */
export type StoreLedgerEntryType =
  | "settlement"
  | "clawback"
  | "commission_adjustment"
  | "withdrawal"
  | "withdrawal_reversal"
  | "admin_adjustment"
  | "team_bonus"
  | "refer_reward"
export type StoreLedgerEntry = {
  id: string
  distributor_id: string
  currency_code: string
  /** Signed: credits are positive, debits negative. */
  amount: number
  type: StoreLedgerEntryType
  reference_id: string | null
  note: string | null
  created_at: string
}
export type StoreLedgerQuery = PageQuery & { type?: StoreLedgerEntryType; currency_code?: string; from?: string; to?: string }
export type StoreLedgerResponse = Page & { ledger_entries: StoreLedgerEntry[] }
/** One month (UTC) of one currency: opening + credits − debits = closing (debits are positive). */
export type StoreStatement = { currency_code: string; opening: number; credits: number; debits: number; closing: number }
export type StoreStatementsQuery = { month?: string }
export type StoreStatementsResponse = { month: string; statements: StoreStatement[] }
/** A promotional material my grade may use: an image or a video (through Medusa's file module), or a text to copy. */
export type StoreMaterialKind = "image" | "video" | "copy"
export type StoreMaterial = {
  id: string
  kind: StoreMaterialKind
  title: string
  /** The copy text, or a caption for an image or video. */
  body: string | null
  /** The file's URL, for images and videos. */
  file_url: string | null
  /** The grades that may see it. */
  grade_ids: string[]
  created_at: string
}
export type StoreMaterialsQuery = PageQuery
export type StoreMaterialsResponse = Page & { materials: StoreMaterial[] }
export type StoreBindingResponse = { binding: StoreBinding }
export type StoreCartDistributionResponse = { cart: HttpTypes.StoreCart }
export type StoreShareLinkResponse = { share_link: StoreShareLink }
export type StoreShareLinksResponse = Page & { share_links: StoreShareLink[] }
export type StorePosterResponse = { poster: StorePoster }
export type StoreLinksResponse = Page & { links: StoreLinkPerformance[] }
