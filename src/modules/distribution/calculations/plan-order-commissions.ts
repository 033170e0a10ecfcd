import type { DistributionSettings } from "../settings"
import { Attribution, AttributionInputs, AttributionSource, attributeOrder } from "./attribute-order"
import { calculateKeptBase } from "./kept-base"
import { CurrentLine, FrozenLines, reconcileLines } from "./reconcile-lines"
import { splitCommissions } from "./split-commission"
import { CampaignDefinition, LineTerms, ProductFacts, RuleDefinition, termsForLine } from "./line-terms"
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
  /** What product rules and campaigns gave each line, when it was first seen. */
  line_terms?: Record<string, LineTerms> | null
  triggered_at: Date | string | null
}

/** The rules and campaigns in force, and the catalogue facts of the order's products: read when lines are first seen. */
export type RuleContext = {
  rules: RuleDefinition[]
  campaigns: CampaignDefinition[]
  products: Record<string, ProductFacts>
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
  /** Read when a line is seen for the first time (null: no rules apply, or no new line). */
  rule_context?: RuleContext | null
}

export type OrderCommissionPlan = {
  order_id: string
  currency_code: string
  /** The attribution to freeze, on the first sync. */
  attribution: (Omit<FrozenAttribution, "triggered_at"> & { customer_id: string | null; currency_code: string }) | null
  /** Terms of lines seen for the first time, added to the frozen ones. */
  new_line_terms: Record<string, LineTerms>
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
  const frozen: Omit<FrozenAttribution, "triggered_at" | "lines" | "line_terms"> = state.frozen ?? {
    distributor_id: attribution?.distributor_id ?? null,
    code: attribution?.code ?? null,
    source: attribution?.source ?? null,
    terms: attribution?.terms ?? [],
    max_total_rate: String(settings.max_total_rate),
  }

  // A line's rules are frozen when it is first seen: at placement for the order's lines, at
  // the edit or exchange for a line added later. A rule changed afterwards never moves it.
  const new_line_terms: Record<string, LineTerms> = {}
  if (frozen.terms.length && state.rule_context) {
    const at = state.frozen ? now : new Date(order.created_at)
    for (const [lineId, line] of Object.entries(new_lines)) {
      const terms = termsForLine({
        product: line.product_id ? state.rule_context.products[line.product_id] ?? null : null,
        levels: frozen.terms,
        rules: state.rule_context.rules,
        campaigns: state.rule_context.campaigns,
        currency_code: order.currency_code,
        at,
      })
      if (terms) new_line_terms[lineId] = terms
    }
  }
  const line_terms = { ...(state.frozen?.line_terms ?? {}), ...new_line_terms }

  const kept = calculateKeptBase({ currency_code: order.currency_code, canceled: order.canceled, refunded_total: order.refunded_total, lines })
  const expected = frozen.terms.length
    ? splitCommissions({ currency_code: order.currency_code, lines: kept, levels: frozen.terms, max_total_rate: frozen.max_total_rate, line_terms })
    : []

  const reached = triggerReached(order, settings.settlement_trigger)
  const triggeredAt = state.frozen?.triggered_at ? new Date(state.frozen.triggered_at) : reached ? now : null

  return {
    order_id: order.id,
    currency_code: order.currency_code,
    attribution: state.frozen
      ? null
      : { ...frozen, customer_id: order.customer_id, currency_code: order.currency_code, lines: new_lines, line_terms: new_line_terms },
    new_line_terms: state.frozen ? new_line_terms : {},
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
