import { bindingLiveAt } from "../binding-policy"
import { DistributionSettings, HARD_MAX_LEVELS } from "../settings"
import { LevelTerms } from "./types"

export type AttributionSource = "binding" | "cart_code" | "self"

/** A member of a chain, nearest first: level 1 is the chain's start. */
export type ChainMember = { level: number; distributor_id: string; status: string }

/** What attribution looks at, read when an order is first synced. */
export type AttributionInputs = {
  customer_id: string | null
  /** When the order was placed: only bindings and enrollments that existed then count. */
  placed_at: Date | string
  /** The buyer's own distributor record, in any status. */
  buyer: { id: string; status: string; parent_id: string | null; approved_at: Date | string | null } | null
  binding: { distributor_id: string; code: string; bound_at: Date | string; expires_at: Date | string | null } | null
  /** The code the cart carried, and whose it is. */
  cart_code: string | null
  cart_distributor: { id: string; customer_id: string; status: string } | null
  /** The chain above each distributor an order could start from, keyed by its id. */
  chains: Record<string, ChainMember[]>
}

export type Attribution = {
  distributor_id: string
  code: string | null
  source: AttributionSource
  terms: LevelTerms[]
}

/** The distributors an order could start its chain from: the load step reads their chains. */
export function attributionCandidates(
  inputs: Omit<AttributionInputs, "chains">,
  settings: Pick<DistributionSettings, "self_purchase">
): string[] {
  const buyer = activeBuyerAt(inputs)
  if (buyer) {
    const first = settings.self_purchase ? buyer.id : buyer.parent_id
    return first ? [first] : []
  }
  return [inputs.binding?.distributor_id, inputs.cart_distributor?.id].filter((id): id is string => !!id)
}

/**
 * Who an order pays (DESIGN §2 "Attribution of an order"), with the terms of each paid level:
 * 1. a buyer who is an active distributor stays in their own chain, whatever code the cart
 *    carries (level 1 is the buyer with `self_purchase`, else their parent);
 * 2. the buyer's live binding — unless, under `override`, the cart carries another code;
 * 3. the code the cart carried; never the buyer's own.
 * Inactive members are skipped, not compressed: their level is simply not paid.
 */
export function attributeOrder(
  inputs: AttributionInputs,
  settings: Pick<DistributionSettings, "enabled" | "self_purchase" | "binding_policy" | "max_levels" | "level_rates">
): Attribution | null {
  // An order without a customer (no account, no guest record) can still carry a cart code.
  if (!settings.enabled) return null
  const placedAt = new Date(inputs.placed_at)
  const buyer = activeBuyerAt(inputs)

  let start: { id: string; code: string | null; source: AttributionSource } | null = null
  if (buyer) {
    const first = settings.self_purchase ? buyer.id : buyer.parent_id
    start = first ? { id: first, code: null, source: "self" } : null
  } else {
    const cart =
      inputs.cart_distributor && inputs.cart_distributor.status === "active" && inputs.cart_distributor.customer_id !== inputs.customer_id
        ? inputs.cart_distributor
        : null
    const binding = bindingLiveAt(inputs.binding, placedAt) ? inputs.binding : null
    if (cart && (settings.binding_policy === "override" || !binding)) {
      start = { id: cart.id, code: inputs.cart_code!.trim().toUpperCase(), source: "cart_code" }
    } else if (binding) {
      start = { id: binding.distributor_id, code: binding.code, source: "binding" }
    }
  }
  if (!start) return null

  // The hard cap holds even if a stored setting were ever out of range.
  const levels = Math.min(settings.max_levels, HARD_MAX_LEVELS)
  const chain = (inputs.chains[start.id] ?? []).filter((member) => member.level <= levels)
  const terms: LevelTerms[] = chain
    .filter((member) => member.status === "active")
    // Without self-purchase a distributor never earns on their own order, at any level: also
    // a buyer who was not active at placement but is now, when the first sync comes late
    // (found by the attribution property test).
    .filter((member) => settings.self_purchase || member.distributor_id !== inputs.buyer?.id)
    .map((member) => ({
      level: member.level,
      distributor_id: member.distributor_id,
      rate: String(settings.level_rates[member.level - 1] ?? 0),
      source: "level_rate",
    }))
  return { distributor_id: start.id, code: start.code, source: start.source, terms }
}

/** The buyer as an active distributor, if they were one when the order was placed. */
function activeBuyerAt(inputs: Pick<AttributionInputs, "buyer" | "placed_at">) {
  const buyer = inputs.buyer
  if (!buyer || buyer.status !== "active") return null
  return !buyer.approved_at || new Date(buyer.approved_at) <= new Date(inputs.placed_at) ? buyer : null
}
