/**
 * Distribution helpers for HTTP tests: settings, distributors and the audit view of an
 * order, all through the plugin's own routes.
 */
import { Api, Headers, mergeHeaders, registerCustomer, Seed, waitFor } from "./order-flow"

export type CommissionView = {
  id: string
  distributor_id: string
  level: number
  status: string
  amount: number
  reversed_amount: number
  currency_code: string
  lines: { line_item_id: string; product_id: string; quantity: number; base: number; rate: number; amount: number; source: string }[]
  adjustments: { amount: number; reason: string; source_id: string | null }[]
}
export type OrderView = {
  order_id: string
  attribution: { distributor_id: string; code: string | null; source: string } | null
  commissions: CommissionView[]
}

export const setSettings = async (api: Api, admin: Headers, patch: Record<string, unknown>) =>
  (await api.post<{ settings: Record<string, unknown> }>("/admin/distribution/settings", patch, admin)).data.settings

/** A registered customer made an active distributor by the admin, optionally under a parent. */
export async function makeDistributor(api: Api, admin: Headers, seed: Seed, email: string, parentId?: string) {
  const { customer, headers } = await registerCustomer(api, seed.storeHeaders, email)
  const { distributor } = (
    await api.post<{ distributor: { id: string; code: string; status: string; parent_id: string | null } }>(
      "/admin/distribution/distributors",
      { customer_id: customer.id, ...(parentId ? { parent_id: parentId } : {}) },
      admin
    )
  ).data
  return { customer, headers, distributor }
}

/** A customer bound to a distributor's code, ready to buy. */
export async function boundBuyer(api: Api, seed: Seed, email: string, code: string) {
  const buyer = await registerCustomer(api, seed.storeHeaders, email)
  await api.post("/store/distribution/bind", { code }, buyer.headers)
  return buyer
}

export const orderView = async (api: Api, admin: Headers, orderId: string) =>
  (await api.get<OrderView>(`/admin/distribution/orders/${orderId}`, admin)).data

/** Polls the audit view until `until` holds: subscribers run after the request that fired the event returns. */
export const waitForOrderView = (api: Api, admin: Headers, orderId: string, until: (v: OrderView) => boolean, timeout = 15000) =>
  waitFor(() => orderView(api, admin, orderId), { until, timeout })

export const byLevel = (view: OrderView) =>
  Object.fromEntries(view.commissions.map((c) => [c.level, c])) as Record<number, CommissionView>

export const withKey = (seed: Seed, h?: Headers) => mergeHeaders(seed.storeHeaders, h)

/** The HTTP status of a failed request (axios error), or 200-ish on success. */
export async function statusOf(p: Promise<unknown>): Promise<number> {
  try {
    await p
    return 200
  } catch (e) {
    const status = (e as { response?: { status?: number } }).response?.status
    if (!status) throw e
    return status
  }
}
