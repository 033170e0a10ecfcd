/**
 * `GET /admin/distribution/stats?from=&to=`: the admin overview of a date range. Shared by
 * the route and the dashboard pages.
 *
 * - `from` / `to` are UTC days (`YYYY-MM-DD`), both included; the default is the last 30 days.
 * - Money never mixes currencies: every amount is a list of `{ currency_code, amount }`
 *   (numbers in major units, rounded once per sum to the currency's precision).
 * - Range figures count events by the day they happened: an order on the day it was placed,
 *   accrued commission on the day it was created (and a later increase on the day of that
 *   adjustment), a reversal on the day of its adjustment, a settlement on the day it reached
 *   the wallet. `balances` and distributor statuses are as of now.
 */
export type CurrencyAmount = { currency_code: string; amount: number }

/** A fraction (0–1, 4 decimals) per currency; `null` when the currency has no GMV. */
export type CurrencyRatio = { currency_code: string; value: number | null }

export type AdminStatsSeriesPoint = {
  /** `YYYY-MM-DD` (UTC); every day of the range is present, with zeros on quiet days. */
  date: string
  orders: number
  gmv: CurrencyAmount[]
  /** Commission accrued that day. */
  commission: CurrencyAmount[]
}

export type AdminStatsTopDistributor = {
  distributor_id: string
  code: string | null
  display_name: string | null
  status: string | null
  /** Orders attributed to this distributor (as the order's distributor) in the range. */
  orders: number
  gmv: CurrencyAmount[]
  /** What it earned in the range on every level: accrued − reversed. */
  commission: CurrencyAmount[]
}

export type AdminStatsLevel = {
  level: number
  /** Commissions created at this level in the range. */
  commissions: number
  accrued: CurrencyAmount[]
  reversed: CurrencyAmount[]
  settled: CurrencyAmount[]
}

export type AdminStatsBalance = {
  currency_code: string
  pending: number
  frozen: number
  available: number
  withdrawn: number
}

export type AdminStatsResponse = {
  range: { from: string; to: string; days: number }
  distributors: {
    /** Distributors that existed at the end of the range (any status). */
    total: number
    /** Of those, the ones active now. */
    active: number
    /** Created in the range. */
    new: number
  }
  /** 动销率: active distributors with ≥ 1 attributed order in the range ÷ active distributors; null when none is active. */
  active_rate: number | null
  /** Orders attributed to a distributor, placed in the range. */
  orders: number
  /** Their goods value when placed (after discounts; no tax, no shipping). */
  gmv: CurrencyAmount[]
  commission: {
    accrued: CurrencyAmount[]
    reversed: CurrencyAmount[]
    settled: CurrencyAmount[]
    /** (accrued − reversed) ÷ gmv, per currency. */
    share_of_gmv: CurrencyRatio[]
  }
  /** Every wallet together, now: commission pending / frozen, wallet balance available, paid out. */
  balances: AdminStatsBalance[]
  /** Share-code visits in the range (one per visitor, code and window). */
  visits: number
  /** The funnel as `getConversionStats` counts it; rates are fractions, null when the denominator is 0. */
  conversion: {
    visits: number
    carts: number
    orders: number
    visit_to_cart: number | null
    cart_to_order: number | null
    visit_to_order: number | null
  }
  series: AdminStatsSeriesPoint[]
  /** Up to 10 distributors with attributed orders in the range, most orders first (then by id). */
  top: AdminStatsTopDistributor[]
  levels: AdminStatsLevel[]
  /** The last whole UTC day in the rollup (closed hours after it are rolled up too, later events are computed live); null when no whole day is. */
  rolled_up_through: string | null
}
