import { InferTypeOf } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import OrderAttribution from "../../../modules/distribution/models/order-attribution"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"
import { asJson, LevelTerms } from "../../../modules/distribution/calculations"
import { OrderForCommission } from "./load-order-for-commission"

type FrozenAttributionRow = InferTypeOf<typeof OrderAttribution>
export type AttributeOrderStepOutput = { attribution: FrozenAttributionRow | null; created: boolean }

type Attribution = {
  distributor_id: string | null
  code: string | null
  source: "binding" | "cart_code" | "self" | null
  terms: LevelTerms[]
}

/**
 * Decides, once, who an order pays (DESIGN §2 "Attribution of an order") and freezes
 * it with the terms of each paid level and the paid value of each line. Running it
 * again for the same order returns what was frozen the first time.
 */
export const attributeOrderStepId = "attribute-order-to-distributor"
export const attributeOrderStep = createStep(
  attributeOrderStepId,
  async ({ order }: { order: OrderForCommission | null }, { container }) => {
    if (!order) return new StepResponse<AttributeOrderStepOutput>({ attribution: null, created: false })
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const [frozen] = await service.listOrderAttributions({ order_id: order.id }, { take: 1 })
    if (frozen) return new StepResponse<AttributeOrderStepOutput>({ attribution: frozen, created: false })

    const settings = await service.getSettings()
    const attribution = settings.enabled ? await attribute(service, order, settings) : null

    const levels = attribution?.terms ?? []
    const lines = Object.fromEntries(
      order.lines.map((l) => [l.line_item_id, { product_id: l.product_id, quantity: l.quantity, net: String(l.net), gross: String(l.gross) }])
    )
    try {
      const created = await service.createOrderAttributions({
        order_id: order.id,
        customer_id: order.customer_id,
        distributor_id: attribution?.distributor_id ?? null,
        code: attribution?.code ?? null,
        source: attribution?.source ?? null,
        currency_code: order.currency_code,
        terms: asJson(levels),
        max_total_rate: String(settings.max_total_rate),
        lines: asJson(lines),
      })
      return new StepResponse<AttributeOrderStepOutput>({ attribution: created, created: true })
    } catch (error) {
      // Another worker froze this order's attribution first: theirs stands.
      const [theirs] = await service.listOrderAttributions({ order_id: order.id }, { take: 1 })
      if (theirs) return new StepResponse<AttributeOrderStepOutput>({ attribution: theirs, created: false })
      throw error
    }
  }
  // No compensation: once frozen, an attribution is the order's truth even if a later step
  // fails (commissions may already point at it); the next sync carries on from it.
)

async function attribute(
  service: DistributionModuleService,
  order: OrderForCommission,
  settings: Awaited<ReturnType<DistributionModuleService["getSettings"]>>
): Promise<Attribution | null> {
  if (!order.customer_id) return null

  // Only what was true when the order was placed counts: a binding made, or an enrollment
  // approved, afterwards (e.g. when the first sync of an old order comes late) does not.
  // Step outputs are serialized between steps: dates arrive as strings.
  const placedAt = new Date(order.created_at)
  const [activeBuyer] = await service.listDistributors({ customer_id: order.customer_id, status: "active" }, { take: 1 })
  const buyerAsDistributor = activeBuyer && (!activeBuyer.approved_at || new Date(activeBuyer.approved_at) <= placedAt) ? activeBuyer : undefined
  let start: { id: string; code: string | null; source: Attribution["source"] } | null = null

  if (buyerAsDistributor) {
    // An active distributor stays in their own chain, whatever code the cart carries.
    const first = settings.self_purchase ? buyerAsDistributor.id : buyerAsDistributor.parent_id
    start = first ? { id: first, code: null, source: "self" } : null
  } else {
    const cart = order.distribution_code ? await service.resolveCode(order.distribution_code) : null
    const cartDistributor =
      cart && cart.distributor.status === "active" && cart.distributor.customer_id !== order.customer_id ? cart.distributor : null
    const [binding] = await service.listBindings({ customer_id: order.customer_id }, { take: 1 })
    const bindingValid =
      binding &&
      new Date(binding.bound_at) <= placedAt &&
      (!binding.expires_at || new Date(binding.expires_at) > placedAt)

    if (cartDistributor && (settings.binding_policy === "override" || !bindingValid)) {
      start = { id: cartDistributor.id, code: order.distribution_code!.toUpperCase(), source: "cart_code" }
    } else if (bindingValid) {
      start = { id: binding.distributor_id, code: binding.code, source: "binding" }
    }
  }
  if (!start) return null

  const chain = await service.listChain(start.id, settings.max_levels)
  const terms: LevelTerms[] = chain
    // Inactive members are skipped, not compressed: their level is simply not paid.
    .filter((member) => member.status === "active")
    .filter((member) => settings.self_purchase || member.distributor_id !== buyerAsDistributor?.id)
    .map((member) => ({
      level: member.level,
      distributor_id: member.distributor_id,
      rate: String(settings.level_rates[member.level - 1] ?? 0),
      source: "level_rate",
    }))
  return { distributor_id: start.id, code: start.code, source: start.source, terms }
}
