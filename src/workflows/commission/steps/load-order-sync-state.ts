import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { MedusaContainer } from "@medusajs/framework/types"
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
  ProductFacts,
  RuleContext,
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
export const loadOrderSyncStateStep = createStep(loadOrderSyncStateStepId, async ({ order_id }: { order_id: string }, { container }) => {
  return new StepResponse<OrderSyncState | null>(await loadOrderSyncState(container, order_id))
})

/** The step's read, for callers that only want to know what a sync would plan (reconciliation): writes nothing. */
export async function loadOrderSyncState(container: MedusaContainer, order_id: string): Promise<OrderSyncState | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
  const { data } = await query.graph({ entity: "order", fields: ORDER_FIELDS, filters: { id: order_id } })
  const raw = data[0] as Record<string, any> | undefined
  if (!raw) return null

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
        line_terms: (stored.line_terms ?? null) as unknown as FrozenAttribution["line_terms"],
        triggered_at: stored.triggered_at,
      }
    : null

  const needsBuyer = !frozen || settings.enrollment_mode === "after_first_order"
  const [buyer] = order.customer_id && needsBuyer ? await service.listDistributors({ customer_id: order.customer_id }, { take: 1 }) : []
  const attribution_inputs = frozen ? null : await readAttributionInputs(service, order, raw, buyer ?? null, settings)

  // Rules and campaigns matter only for lines seen for the first time, on an attributed order.
  const paid = frozen ? frozen.terms.length > 0 : !!attribution_inputs && Object.keys(attribution_inputs.chains).length > 0
  const unseen = order.lines.filter((line) => line.quantity > 0 && !frozen?.lines[line.line_item_id])
  const rule_context = paid && unseen.length ? await readRuleContext(query, service, unseen, frozen ? now : order.created_at) : null

  return {
    order,
    settings,
    now,
    frozen,
    attribution_inputs,
    buyer_is_distributor: !!buyer,
    rule_context,
  }
}

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
  const members = Object.values(chains).flat()
  const gradeIds = [...new Set(members.map((m) => m.grade_id).filter((id): id is string => !!id))]
  const grades = await service.listGradeRates(gradeIds)
  const tiers = await service.listTiersReached([...new Set(members.map((m) => m.distributor_id))], order.currency_code, new Date(order.created_at))
  return { ...inputs, chains, grades, tiers }
}

/** The rules and campaigns in force, and where each new line's product sits in the catalogue. */
async function readRuleContext(
  query: { graph: (q: object) => Promise<{ data: unknown[] }> },
  service: DistributionModuleService,
  lines: CurrentLine[],
  at: Date | string
): Promise<RuleContext | null> {
  const { rules, campaigns } = await service.listTermsInForce(new Date(at))
  if (!rules.length && !campaigns.length) return null
  const products = await readProductFacts(query, [...new Set(lines.map((l) => l.product_id).filter((id): id is string => !!id))])
  return { rules, campaigns, products }
}

/** Where each product sits in the catalogue: its categories (with their ancestors), collection and type. */
export async function readProductFacts(
  query: { graph: (q: object) => Promise<{ data: unknown[] }> },
  productIds: string[]
): Promise<Record<string, ProductFacts>> {
  const { data } = productIds.length
    ? await query.graph({ entity: "product", fields: ["id", "collection_id", "type_id", "categories.id", "categories.mpath"], filters: { id: productIds } })
    : { data: [] }
  const products: Record<string, ProductFacts> = {}
  for (const p of data as { id: string; collection_id: string | null; type_id: string | null; categories?: { id: string; mpath?: string | null }[] }[]) {
    // A category rule covers its sub-categories: `mpath` lists a category's ancestors.
    const categoryIds = (p.categories ?? []).flatMap((c) => (c.mpath ? c.mpath.split(".").filter(Boolean) : [c.id]))
    products[p.id] = { product_id: p.id, category_ids: [...new Set(categoryIds)], collection_id: p.collection_id, type_id: p.type_id }
  }
  return products
}
