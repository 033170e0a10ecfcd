/**
 * Order fixtures for HTTP integration tests: seed a store, then place and change orders
 * through Medusa's own store/admin routes, so every workflow, event and total is the one a
 * real shop produces. What Medusa 2.21.2 really does with them: ./MEDUSA-FACTS.md.
 */
import { createUserAccountWorkflow } from "@medusajs/core-flows"
import type { HttpTypes, IEventBusModuleService, MedusaContainer, Subscriber } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"

/** The slice of the runner's axios instance (`api`) these helpers use. */
export interface Api {
  get<T>(url: string, config?: Headers): Promise<{ data: T }>
  post<T>(url: string, body?: unknown, config?: Headers): Promise<{ data: T }>
  delete<T>(url: string, config?: Headers): Promise<{ data: T }>
}
export type Headers = { headers: Record<string, string> }
export type LineInput = { variant_id: string; quantity: number }
export type ItemQty = { item_id: string; quantity: number }

export const mergeHeaders = (...hs: (Headers | undefined)[]): Headers => ({
  headers: Object.assign({}, ...hs.map((h) => h?.headers ?? {})),
})

/** Polls `fn` every `interval` ms until `until(value)` holds (default: truthy); no blind sleeps. */
export async function waitFor<T>(
  fn: () => T | Promise<T>,
  { timeout = 5000, interval = 100, until = (v: T) => Boolean(v) }: { timeout?: number; interval?: number; until?: (v: T) => boolean } = {}
): Promise<T> {
  const deadline = Date.now() + timeout
  let last: unknown
  for (;;) {
    try {
      const value = await fn()
      if (until(value)) return value
      last = value
    } catch (e) {
      last = e // a probe that throws (row not written yet) is retried like a false one
    }
    if (Date.now() > deadline) {
      throw new Error(`waitFor: timed out after ${timeout}ms; last value: ${last instanceof Error ? last.message : JSON.stringify(last)}`)
    }
    await new Promise((r) => setTimeout(r, interval))
  }
}

/** Admin user + emailpass identity made in-process, then a real login: no hand-signed JWT. */
export async function createAdminUser(api: Api, container: MedusaContainer, email = "admin@test.local", password = "supersecret"): Promise<Headers> {
  const { authIdentity, error } = await container.resolve(Modules.AUTH).register("emailpass", { body: { email, password } })
  if (!authIdentity) throw new Error(`admin register failed: ${error}`)
  await createUserAccountWorkflow(container).run({
    input: { authIdentityId: authIdentity.id, userData: { email, first_name: "Admin", last_name: "Test" } },
  })
  const { data } = await api.post<{ token: string }>("/auth/user/emailpass", { email, password })
  return { headers: { authorization: `Bearer ${data.token}` } }
}

export type Seed = {
  regionId: string
  salesChannelId: string
  publishableKey: string
  /** `{ headers: { "x-publishable-api-key" } }`: what every store route needs. */
  storeHeaders: Headers
  stockLocationId: string
  shippingProfileId: string
  shippingOptionId: string
  /** One variant per product, USD prices: A = 100, B = 50, C = 30. */
  variants: { A: string; B: string; C: string }
  productIds: { A: string; B: string; C: string }
}

/** Region (USD, one country, pp_system_default), channel + key, stocked location, flat shipping 10, products A/B/C. */
export async function seedStore(api: Api, admin: Headers, { country = "us", stock = 1000 } = {}): Promise<Seed> {
  const post = <T>(url: string, body: unknown) => api.post<T>(url, body, admin).then((r) => r.data)

  const { region } = await post<HttpTypes.AdminRegionResponse>("/admin/regions", {
    name: "Test USD", currency_code: "usd", countries: [country], payment_providers: ["pp_system_default"],
  })
  const { sales_channel: sc } = await post<HttpTypes.AdminSalesChannelResponse>("/admin/sales-channels", { name: "Test channel" })
  const { api_key: key } = await post<HttpTypes.AdminApiKeyResponse>("/admin/api-keys", { title: "Test storefront", type: "publishable" })
  await post(`/admin/api-keys/${key.id}/sales-channels`, { add: [sc.id] })

  const { stock_location: loc } = await post<HttpTypes.AdminStockLocationResponse>("/admin/stock-locations", { name: "Test warehouse" })
  await post(`/admin/stock-locations/${loc.id}/sales-channels`, { add: [sc.id] })
  // "manual_manual": the manual provider that defineConfig registers with id "manual".
  await post(`/admin/stock-locations/${loc.id}/fulfillment-providers`, { add: ["manual_manual"] })
  const withSet = await post<HttpTypes.AdminStockLocationResponse>(
    `/admin/stock-locations/${loc.id}/fulfillment-sets?fields=*fulfillment_sets`, { name: "Test shipping", type: "shipping" })
  const { fulfillment_set: fset } = await post<HttpTypes.AdminFulfillmentSetResponse>(
    `/admin/fulfillment-sets/${withSet.stock_location.fulfillment_sets![0].id}/service-zones`,
    { name: "Test zone", geo_zones: [{ type: "country", country_code: country }] })
  const { shipping_profile: profile } = await post<HttpTypes.AdminShippingProfileResponse>(
    "/admin/shipping-profiles", { name: "Test profile", type: "default" })
  const { shipping_option: option } = await post<HttpTypes.AdminShippingOptionResponse>("/admin/shipping-options", {
    name: "Flat 10", service_zone_id: fset.service_zones[0].id, shipping_profile_id: profile.id,
    provider_id: "manual_manual", price_type: "flat", prices: [{ currency_code: "usd", amount: 10 }],
    type: { label: "Standard", description: "Flat rate", code: "standard" },
    // Store routes only offer options carrying these rules (the admin dashboard sets them too).
    rules: [
      { attribute: "enabled_in_store", value: "true", operator: "eq" },
      { attribute: "is_return", value: "false", operator: "eq" },
    ],
  })

  const product = async (handle: "A" | "B" | "C", amount: number) =>
    (await post<HttpTypes.AdminProductResponse>("/admin/products", {
      title: `Product ${handle}`, handle: `product-${handle.toLowerCase()}`, status: "published",
      shipping_profile_id: profile.id, sales_channels: [{ id: sc.id }], options: [{ title: "Default", values: ["Default"] }],
      // manage_inventory without inventory_items: Medusa creates one inventory item per variant (sku = variant sku).
      variants: [{ title: handle, sku: `SKU-${handle}`, manage_inventory: true, options: { Default: "Default" },
        prices: [{ currency_code: "usd", amount }] }],
    })).product
  const [A, B, C] = [await product("A", 100), await product("B", 50), await product("C", 30)]
  const { inventory_items } = (await api.get<HttpTypes.AdminInventoryItemListResponse>(
    "/admin/inventory-items?sku[]=SKU-A&sku[]=SKU-B&sku[]=SKU-C", admin)).data
  await post("/admin/inventory-items/location-levels/batch", {
    create: inventory_items.map((i) => ({ inventory_item_id: i.id, location_id: loc.id, stocked_quantity: stock })),
  })

  return {
    regionId: region.id, salesChannelId: sc.id, publishableKey: key.token,
    storeHeaders: { headers: { "x-publishable-api-key": key.token } },
    stockLocationId: loc.id, shippingProfileId: profile.id, shippingOptionId: option.id,
    variants: { A: A.variants![0].id, B: B.variants![0].id, C: C.variants![0].id },
    productIds: { A: A.id, B: B.id, C: C.id },
  }
}

/** Registers and logs in a customer; `headers` carry both the bearer token and the publishable key. */
export async function registerCustomer(api: Api, storeHeaders: Headers, email: string, password = "secret-pass") {
  const reg = await api.post<{ token: string }>("/auth/customer/emailpass/register", { email, password })
  const { customer } = (await api.post<HttpTypes.StoreCustomerResponse>("/store/customers",
    { email, first_name: "Test", last_name: email.split("@")[0] },
    mergeHeaders(storeHeaders, { headers: { authorization: `Bearer ${reg.data.token}` } }))).data
  // The registration token has no actor yet; a fresh login yields one bound to the customer.
  const login = await api.post<{ token: string }>("/auth/customer/emailpass", { email, password })
  return { customer, headers: mergeHeaders(storeHeaders, { headers: { authorization: `Bearer ${login.data.token}` } }) }
}

/** An active percentage-off-items promotion ("across" allocation: split pro rata over the lines). */
export async function createPromotion(
  api: Api, admin: Headers, { code = "TEN", percent = 10, automatic = false } = {}
): Promise<HttpTypes.AdminPromotion> {
  const { data } = await api.post<HttpTypes.AdminPromotionResponse>("/admin/promotions", {
    code, type: "standard", status: "active", is_automatic: automatic, // status defaults to "draft"
    application_method: { type: "percentage", target_type: "items", allocation: "across", value: percent },
  }, admin)
  return data.promotion
}

export type PlaceOrderInput = {
  seed: Seed
  /** From `registerCustomer`: the cart (and order) then belong to that customer. Guest otherwise. */
  customerHeaders?: Headers
  email?: string
  items: LineInput[]
  /** A code promotion; automatic promotions apply by themselves. */
  promoCode?: string
  cartMetadata?: Record<string, unknown>
  /** Runs when the cart is ready (items, promo, shipping, payment session), right before completion. */
  beforeComplete?: (cartId: string) => Promise<void>
}

/** Storefront checkout: cart → promo → shipping method → payment session (pp_system_default) → complete. */
export async function placeOrder(api: Api, input: PlaceOrderInput): Promise<HttpTypes.StoreOrder> {
  const { seed } = input
  const h = input.customerHeaders ?? seed.storeHeaders
  const address = { first_name: "Test", last_name: "Buyer", address_1: "1 Test St", city: "Testville", country_code: "us", postal_code: "10001" }
  const { cart } = (await api.post<HttpTypes.StoreCartResponse>("/store/carts", {
    region_id: seed.regionId, sales_channel_id: seed.salesChannelId,
    email: input.email ?? (input.customerHeaders ? undefined : "guest@test.local"),
    items: input.items, shipping_address: address, billing_address: address, metadata: input.cartMetadata,
  }, h)).data
  if (input.promoCode) await api.post(`/store/carts/${cart.id}/promotions`, { promo_codes: [input.promoCode] }, h)
  await api.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: seed.shippingOptionId }, h)
  const { payment_collection: pc } = (await api.post<HttpTypes.StorePaymentCollectionResponse>(
    "/store/payment-collections", { cart_id: cart.id }, h)).data
  await api.post(`/store/payment-collections/${pc.id}/payment-sessions`, { provider_id: "pp_system_default" }, h)
  if (input.beforeComplete) await input.beforeComplete(cart.id)
  const done = (await api.post<HttpTypes.StoreCompleteCartResponse>(`/store/carts/${cart.id}/complete`, {}, h)).data
  if (done.type !== "order") throw new Error(`cart completion failed: ${JSON.stringify(done.error)}`)
  return done.order
}

/** Fields that bring item totals + details, summary, credit lines and payments in one `query.graph`. */
export const ORDER_FIELDS = [
  "id", "status", "currency_code", "customer_id", "email", "metadata", "created_at",
  // An order-level total must be asked for, or Medusa computes no item totals at all.
  "total", "subtotal", "item_total", "discount_total", "tax_total", "shipping_total", "original_total",
  "items.*", "items.detail.*", "summary.*", "credit_lines.*",
  "payment_collections.*", "payment_collections.payments.*",
  "payment_collections.payments.captures.*", "payment_collections.payments.refunds.*",
  "returns.*", "returns.items.*", "fulfillments.*",
]

type Qty = "quantity" | "fulfilled_quantity" | "delivered_quantity" | "shipped_quantity" | "return_requested_quantity" | "return_received_quantity" | "return_dismissed_quantity" | "written_off_quantity"
type ItemTotals = "unit_price" | "quantity" | "subtotal" | "discount_total" | "total" | "tax_total" | "original_total" | "refundable_total"
/** What `getOrder` returns with the default fields (amounts as plain numbers). */
export type OrderSnapshot = {
  id: string; status: string; currency_code: string; customer_id: string | null; email: string | null
  metadata: Record<string, unknown> | null
  total: number; subtotal: number; item_total: number; discount_total: number; tax_total: number; shipping_total: number; original_total: number
  items: ({ id: string; title: string; variant_id: string; product_id: string; detail: Record<Qty, number> } & Record<ItemTotals, number>)[]
  summary: Record<"paid_total" | "refunded_total" | "accounting_total" | "credit_line_total" | "transaction_total" | "pending_difference" | "current_order_total" | "original_order_total", number>
  credit_lines: { id: string; amount: number; reference: string | null; reference_id: string | null }[]
  payment_collections: { id: string; status: string; amount: number; captured_amount: number; refunded_amount: number
    payments: { id: string; amount: number; captures: { amount: number }[]; refunds: { amount: number }[] }[] }[]
  [field: string]: unknown
}

/** The order as the server sees it via `query.graph`; the JSON round trip turns BigNumbers into numbers. */
export async function getOrder(container: MedusaContainer, orderId: string, fields = ORDER_FIELDS): Promise<OrderSnapshot> {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "order", fields, filters: { id: orderId } })
  if (!data[0]) throw new Error(`order ${orderId} not found`)
  return JSON.parse(JSON.stringify(data[0]))
}

const adminOrder = async (api: Api, admin: Headers, orderId: string, fields: string) =>
  (await api.get<HttpTypes.AdminOrderResponse>(`/admin/orders/${orderId}?fields=${fields}`, admin)).data.order

async function paymentId(api: Api, admin: Headers, orderId: string): Promise<string> {
  const order = await adminOrder(api, admin, orderId, "id,*payment_collections,*payment_collections.payments")
  const id = order.payment_collections?.[0]?.payments?.[0]?.id
  if (!id) throw new Error(`order ${orderId} has no payment`)
  return id
}

/** Captures the order's payment (in full unless `amount`). Fires `payment.captured` {id: payment id}. */
export async function capturePayment(api: Api, admin: Headers, orderId: string, amount?: number) {
  const id = await paymentId(api, admin, orderId)
  return (await api.post<HttpTypes.AdminPaymentResponse>(`/admin/payments/${id}/capture`, amount ? { amount } : {}, admin)).data.payment
}

/** Refunds `amount` of the captured payment. Fires `payment.refunded` {id: payment id}. */
export async function refundPayment(api: Api, admin: Headers, orderId: string, amount: number, note?: string) {
  const id = await paymentId(api, admin, orderId)
  return (await api.post<HttpTypes.AdminPaymentResponse>(`/admin/payments/${id}/refund`, { amount, note }, admin)).data.payment
}

/** Fires `order.canceled` {id}; a captured payment is refunded in full (without `payment.refunded`). */
export async function cancelOrder(api: Api, admin: Headers, orderId: string) {
  return (await api.post<HttpTypes.AdminOrderResponse>(`/admin/orders/${orderId}/cancel`, {}, admin)).data.order
}

/** Fires `order.completed` {id}. Medusa allows it on unfulfilled, uncaptured orders too. */
export async function completeOrder(api: Api, admin: Headers, orderId: string) {
  return (await api.post<HttpTypes.AdminOrderResponse>(`/admin/orders/${orderId}/complete`, {}, admin)).data.order
}

/** Fulfils `items` (default: every line in full); returns the new fulfillment's id. Fires `order.fulfillment_created`. */
export async function createFulfillment(api: Api, admin: Headers, orderId: string, items?: ItemQty[], locationId?: string) {
  const before = await adminOrder(api, admin, orderId, "id,*items,*fulfillments")
  const lines = items ?? before.items.map((i) => ({ item_id: i.id, quantity: Number(i.quantity) }))
  await api.post(`/admin/orders/${orderId}/fulfillments`,
    { items: lines.map((l) => ({ id: l.item_id, quantity: l.quantity })), location_id: locationId }, admin)
  const known = new Set((before.fulfillments ?? []).map((f) => f.id))
  const after = await adminOrder(api, admin, orderId, "id,*fulfillments")
  return (after.fulfillments ?? []).find((f) => !known.has(f.id))!.id
}

/** Fires `delivery.created` {id: fulfillment id}. */
export async function markDelivered(api: Api, admin: Headers, orderId: string, fulfillmentId: string) {
  await api.post(`/admin/orders/${orderId}/fulfillments/${fulfillmentId}/mark-as-delivered`, {}, admin)
}

/**
 * Admin return: begin → request items → confirm (`order.return_requested`), then with `receive`
 * begin receive → receive items → confirm (`order.return_received`). Medusa only returns
 * fulfilled quantities, so lines not yet fulfilled are fulfilled first unless `fulfill: false`.
 * No refund is made: the order then owes it (`summary.pending_difference` < 0).
 */
export async function returnItems(
  api: Api, admin: Headers, orderId: string, items: ItemQty[],
  { receive = true, fulfill = true, locationId }: { receive?: boolean; fulfill?: boolean; locationId?: string } = {}
): Promise<string> {
  if (fulfill) {
    const order = await adminOrder(api, admin, orderId, "id,*items,*items.detail")
    const missing = items.flatMap((it) => {
      const d = order.items.find((i) => i.id === it.item_id)?.detail
      const free = Number(d?.fulfilled_quantity ?? 0) - Number(d?.return_requested_quantity ?? 0) - Number(d?.return_received_quantity ?? 0)
      return free < it.quantity ? [{ item_id: it.item_id, quantity: it.quantity - free }] : []
    })
    if (missing.length) await createFulfillment(api, admin, orderId, missing, locationId)
  }
  // Receiving restocks, so it needs a location ("Cannot receive the Return at location null"):
  // default to the location the order was fulfilled from.
  const location_id = locationId ?? (await adminOrder(api, admin, orderId, "id,*fulfillments")).fulfillments?.[0]?.location_id
  const body = { items: items.map((i) => ({ id: i.item_id, quantity: i.quantity })) }
  const ret = (await api.post<HttpTypes.AdminReturnResponse>("/admin/returns", { order_id: orderId, location_id }, admin)).data.return
  await api.post(`/admin/returns/${ret.id}/request-items`, body, admin)
  await api.post(`/admin/returns/${ret.id}/request`, {}, admin)
  if (receive) {
    await api.post(`/admin/returns/${ret.id}/receive`, {}, admin)
    await api.post(`/admin/returns/${ret.id}/receive-items`, body, admin)
    await api.post(`/admin/returns/${ret.id}/receive/confirm`, {}, admin)
  }
  return ret.id
}

export type RecordedEvent = { name: string; data: Record<string, unknown> }

/** Records every event on the bus through a "*" subscriber. Call `stop()` in afterEach. */
export function recordEvents(container: MedusaContainer) {
  const bus = container.resolve<IEventBusModuleService>(Modules.EVENT_BUS)
  const events: RecordedEvent[] = []
  const handler: Subscriber<Record<string, unknown>> = async ({ name, data }) => void events.push({ name, data })
  const subscriberId = `test-recorder-${Date.now()}-${Math.random()}`
  bus.subscribe("*", handler as Subscriber, { subscriberId })
  return {
    events,
    named: (name: string) => events.filter((e) => e.name === name),
    /** Waits until `name` fired (with a payload matching `where`); returns the matching events. */
    waitFor: (name: string, where: (d: Record<string, unknown>) => boolean = () => true, timeout = 5000) =>
      waitFor(() => events.filter((e) => e.name === name && where(e.data)), { timeout, until: (l) => l.length > 0 }),
    clear: () => void events.splice(0),
    stop: () => void bus.unsubscribe("*", handler as Subscriber, { subscriberId }),
  }
}
