/** `POST /admin/distribution/distributors/batch` `{ ids, action, reason? }` → `{ results }`, one per id in the order given. */
export type BatchDistributorAction = "approve" | "reject" | "suspend"
export type BatchDistributorResult = { id: string; ok: boolean; status?: string; error?: string }
export type AdminBatchDistributorsResponse = { results: BatchDistributorResult[] }

/** A list answer of the admin API: `limit` 1–100, `offset` ≥ 0, `count` of all matches. */
export type AdminListResponse<K extends string, T> = { [key in K]: T[] } & { count: number; limit: number; offset: number }

/**
 * `GET /admin/distribution/customers/:id`: what the customer page's widget shows.
 * `distributor` is null when the customer is not one; `binding` is whom the customer is
 * bound to (null when nobody, or the binding expired).
 */
export type AdminCustomerDistribution = {
  customer_id: string
  distributor: {
    id: string
    customer_id: string
    code: string
    status: string
    parent_id: string | null
    grade_id: string | null
    display_name: string | null
    status_reason: string | null
    approved_at: string | null
    created_at: string
  } | null
  parent: { id: string; code: string; display_name: string | null; status: string } | null
  team_counts: { "1": number; "2": number; "3": number } | null
  balances: { currency_code: string; pending: number; frozen: number; available: number; withdrawn: number }[]
  binding: {
    id: string
    distributor_id: string
    code: string
    source: string
    bound_at: string
    expires_at: string | null
    /** false once `expires_at` has passed (the binding then binds nobody). */
    active: boolean
    distributor: { id: string; code: string; display_name: string | null; status: string } | null
  } | null
}
