import type { DistributionSettings } from "../settings"
import { Attribution, AttributionInputs, AttributionSource, attributeOrder } from "./attribute-order"
import { calculateKeptBase } from "./kept-base"
import { CurrentLine, FrozenLines, reconcileLines } from "./reconcile-lines"
import { splitCommissions } from "./split-commission"
import { CalculatedCommission, LevelTerms } from "./types"

const DAY_MS = 24 * 60 * 60 * 1000

/** An order's money and progress as Medusa has it now. */
export type OrderSnapshot = {
  id: string
  created_at: Date | string
  currency_code: string
  customer_id: string | null
  customer_has_account: boolean
  canceled: boolean
  /** Everything refunded so far (gross). */
  refunded_total: string
  lines: CurrentLine[]
  completed: boolean
  delivered: boolean
  captured: boolean
}

/** What was frozen about an order at its first sync. */
export type FrozenAttribution = {
  distributor_id: string | null
  code: string | null
  source: AttributionSource | null
  terms: LevelTerms[]
  max_total_rate: string
  lines: FrozenLines
  triggered_at: Date | string | null
}

/** Everything a sync decides from, read once: the plan is a pure function of it. */
export type OrderSyncState = {
  order: OrderSnapshot
  settings: DistributionSettings
  now: Date | string
  /** Null on the first sync. */
  frozen: FrozenAttribution | null
  /** Read on the first sync only. */
  attribution_inputs: AttributionInputs | null
  /** Whether the buyer has a distributor record (any status), for `after_first_order`. */
  buyer_is_distributor: boolean
}

export type OrderCommissionPlan = {
  order_id: string
  currency_code: string
  /** The attribution to freeze, on the first sync. */
  attribution: (Omit<FrozenAttribution, "triggered_at"> & { customer_id: string | null; currency_code: string }) | null
  /** Bind the buyer to the cart's code: a registered buyer's first order through a code binds them. */
  bind_buyer: { customer_id: string; code: string } | null
  /** Lines seen for the first time, added to the frozen ones. */
  new_lines: FrozenLines
  expected: CalculatedCommission[]
  /** The settlement trigger, reached now for the first time (null when not, or already recorded). */
  triggered_now: Date | null
  /** When this order's commissions become withdrawable, once the trigger was reached. */
  frozen_until: Date | null
  /** Under `after_first_order`: the buyer's order has reached settlement and they are no distributor yet. */
  enroll_buyer: boolean
}

/**
 * What an order's commissions should be now: the frozen terms applied to the goods value
 * kept (returns, edits and refunds taken off), and whether the hold has started. Pure: the
 * same state gives the same plan, so running a sync twice changes nothing.
 */
export function planOrderCommissions(state: OrderSyncState): OrderCommissionPlan {
  const { order, settings } = state
  const now = new Date(state.now)

  let attribution: Attribution | null = null
  if (!state.frozen && state.attribution_inputs) attribution = attributeOrder(state.attribution_inputs, settings)

  const { lines, new_lines } = reconcileLines(state.frozen?.lines ?? {}, order.lines)
  const frozen: Omit<FrozenAttribution, "triggered_at" | "lines"> = state.frozen ?? {
    distributor_id: attribution?.distributor_id ?? null,
    code: attribution?.code ?? null,
    source: attribution?.source ?? null,
    terms: attribution?.terms ?? [],
    max_total_rate: String(settings.max_total_rate),
  }

  const kept = calculateKeptBase({ currency_code: order.currency_code, canceled: order.canceled, refunded_total: order.refunded_total, lines })
  const expected = frozen.terms.length
    ? splitCommissions({ currency_code: order.currency_code, lines: kept, levels: frozen.terms, max_total_rate: frozen.max_total_rate })
    : []

  const reached = triggerReached(order, settings.settlement_trigger)
  const triggeredAt = state.frozen?.triggered_at ? new Date(state.frozen.triggered_at) : reached ? now : null

  return {
    order_id: order.id,
    currency_code: order.currency_code,
    attribution: state.frozen
      ? null
      : { ...frozen, customer_id: order.customer_id, currency_code: order.currency_code, lines: new_lines },
    bind_buyer:
      !state.frozen && attribution?.source === "cart_code" && attribution.code && order.customer_id && order.customer_has_account
        ? { customer_id: order.customer_id, code: attribution.code }
        : null,
    new_lines: state.frozen ? new_lines : {},
    expected,
    triggered_now: !state.frozen?.triggered_at && reached ? now : null,
    frozen_until: triggeredAt ? new Date(triggeredAt.getTime() + settings.freeze_days * DAY_MS) : null,
    enroll_buyer:
      settings.enabled &&
      settings.enrollment_mode === "after_first_order" &&
      !!triggeredAt &&
      !!order.customer_id &&
      order.customer_has_account &&
      !state.buyer_is_distributor,
  }
}

/** Whether an order has reached the point where its commissions start their hold. */
export function triggerReached(
  order: Pick<OrderSnapshot, "canceled" | "captured" | "completed" | "delivered">,
  trigger: DistributionSettings["settlement_trigger"]
): boolean {
  if (order.canceled) return false
  if (trigger === "captured") return order.captured
  if (trigger === "completed") return order.completed
  return order.completed || order.delivered
}
