import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"
import {
  AttributionInputs,
  attributionCandidates,
  CurrentLine,
  FrozenAttribution,
  FrozenLines,
  LevelTerms,
  OrderSnapshot,
  OrderSyncState,
  toBN,
} from "../../../modules/distribution/calculations"

const ORDER_FIELDS = [
  "id",
  "created_at",
  "status",
  "currency_code",
  "customer_id",
  "metadata",
  // Item totals are computed only when an order-level total is asked too (DESIGN §5).
  "total",
  "items.*",
  "items.detail.*",
  "fulfillments.delivered_at",
  "fulfillments.canceled_at",
  "payment_collections.payments.captured_at",
  "payment_collections.payments.canceled_at",
  "payment_collections.payments.refunds.amount",
  "customer.has_account",
]

/**
 * Reads, once, everything an order's sync decides from: the order's money now, the
 * settings, the clock, what was frozen at its first sync, and — on that first sync — who
 * it could be attributed to. The plan is then a pure function of this state.
 */
export const loadOrderSyncStateStepId = "load-order-sync-state"
export const loadOrderSyncStateStep = createStep(
  loadOrderSyncStateStepId,
  async ({ order_id }: { order_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const { data } = await query.graph({ entity: "order", fields: ORDER_FIELDS, filters: { id: order_id } })
    const raw = data[0] as Record<string, any> | undefined
    if (!raw) return new StepResponse<OrderSyncState | null>(null)

    const now = new Date()
    const order = toSnapshot(raw)
    const settings = await service.getSettings()
    const [stored] = await service.listOrderAttributions({ order_id }, { take: 1 })
    const frozen: FrozenAttribution | null = stored
      ? {
          distributor_id: stored.distributor_id,
          code: stored.code,
          source: stored.source,
          terms: (stored.terms ?? []) as unknown as LevelTerms[],
          max_total_rate: stored.max_total_rate,
          lines: (stored.lines ?? {}) as unknown as FrozenLines,
          triggered_at: stored.triggered_at,
        }
      : null

    const needsBuyer = !frozen || settings.enrollment_mode === "after_first_order"
    const [buyer] = order.customer_id && needsBuyer ? await service.listDistributors({ customer_id: order.customer_id }, { take: 1 }) : []
    const attribution_inputs = frozen ? null : await readAttributionInputs(service, order, raw, buyer ?? null, settings)

    return new StepResponse<OrderSyncState | null>({
      order,
      settings,
      now,
      frozen,
      attribution_inputs,
      buyer_is_distributor: !!buyer,
    })
  }
)

function toSnapshot(order: Record<string, any>): OrderSnapshot {
  const payments: Record<string, any>[] = (order.payment_collections ?? []).flatMap((pc: any) => pc?.payments ?? [])
  const refunds = payments.flatMap((p) => p?.refunds ?? []).map((r: { amount: unknown }) => toBN(r.amount as string))
  const lines: CurrentLine[] = (order.items ?? []).map((item: Record<string, any>) => {
    const quantity = Number(toBN(item.quantity).toString())
    const returned = Number(toBN(item.detail?.return_received_quantity).toString())
    // Medusa lowers a line's totals once a return is received; adding the received value back
    // gives what was paid for the whole quantity, even when the first sync comes late.
    const keptGross = toBN(item.total)
    const keptNet = MathBN.sub(keptGross, toBN(item.tax_total))
    const kept = quantity - returned
    const gross = MathBN.add(keptGross, toBN(item.return_received_total))
    const net = returned === 0 ? keptNet : kept > 0 ? MathBN.div(MathBN.mult(keptNet, quantity), kept) : gross
    return {
      line_item_id: item.id as string,
      product_id: (item.product_id as string) ?? null,
      quantity,
      returned_quantity: returned,
      net: net.toString(),
      gross: gross.toString(),
    }
  })
  return {
    id: order.id,
    created_at: new Date(order.created_at),
    currency_code: order.currency_code,
    customer_id: order.customer_id ?? null,
    customer_has_account: !!order.customer?.has_account,
    canceled: order.status === "canceled",
    refunded_total: MathBN.sum(...refunds, 0).toString(),
    lines,
    completed: order.status === "completed",
    delivered: (order.fulfillments ?? []).some((f: any) => f?.delivered_at && !f?.canceled_at),
    captured: payments.some((p) => p?.captured_at && !p?.canceled_at),
  }
}

/** Who an order could be attributed to: the buyer as a distributor, their binding, the cart's code, and those chains. */
async function readAttributionInputs(
  service: DistributionModuleService,
  order: OrderSnapshot,
  raw: Record<string, any>,
  buyer: { id: string; status: string; parent_id: string | null; approved_at: Date | null } | null,
  settings: OrderSyncState["settings"]
): Promise<AttributionInputs | null> {
  const metadata = (raw.metadata ?? {}) as Record<string, unknown>
  const cart_code = typeof metadata.distribution_code === "string" ? metadata.distribution_code : null
  const resolved = cart_code ? await service.resolveCode(cart_code) : null
  const [binding] = order.customer_id ? await service.listBindings({ customer_id: order.customer_id }, { take: 1 }) : []
  const inputs: Omit<AttributionInputs, "chains"> = {
    customer_id: order.customer_id,
    placed_at: order.created_at,
    buyer: buyer ? { id: buyer.id, status: buyer.status, parent_id: buyer.parent_id, approved_at: buyer.approved_at } : null,
    binding: binding
      ? { distributor_id: binding.distributor_id, code: binding.code, bound_at: binding.bound_at, expires_at: binding.expires_at }
      : null,
    cart_code,
    cart_distributor: resolved
      ? { id: resolved.distributor.id, customer_id: resolved.distributor.customer_id, status: resolved.distributor.status }
      : null,
  }
  const chains: AttributionInputs["chains"] = {}
  for (const id of attributionCandidates(inputs, settings)) {
    chains[id] = await service.listChain(id, settings.max_levels)
  }
  return { ...inputs, chains }
}
