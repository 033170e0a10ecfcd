import { MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"
import {
  CalculatedCommission,
  calculateKeptBase,
  LevelTerms,
  splitCommissions,
} from "../../../modules/distribution/calculations"
import { OrderForCommission } from "./load-order-for-commission"

export type FrozenAttribution = {
  id: string
  order_id: string
  customer_id: string | null
  terms: unknown
  max_total_rate: string
  lines: unknown
  triggered_at: Date | string | null
}

/** A line's paid value for its whole quantity, as first seen (before any return). */
export type FrozenLine = { product_id: string | null; quantity: number; net: string; gross: string }

export type CalculateOrderCommissionsStepOutput = {
  currency_code: string
  expected: CalculatedCommission[]
  /** The settlement trigger has been reached now, for the first time. */
  trigger_reached_now: boolean
  /** When commissions of this order become withdrawable, once the trigger was reached. */
  frozen_until: Date | null
  /** Under `after_first_order`, the buyer becomes a distributor now (their order reached settlement). */
  enroll_buyer: boolean
  /** Unit values of lines seen for the first time (added by an edit or exchange). */
  new_lines: Record<string, FrozenLine>
}

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * What an order's commissions should be now: the frozen terms applied to the goods
 * value kept (returns and refunds taken off), and whether the hold has started.
 */
export const calculateOrderCommissionsStepId = "calculate-order-commissions"
export const calculateOrderCommissionsStep = createStep(
  calculateOrderCommissionsStepId,
  async (input: { order: OrderForCommission | null; attribution: FrozenAttribution | null }, { container }) => {
    if (!input.order || !input.attribution) return new StepResponse<CalculateOrderCommissionsStepOutput | null>(null)
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const settings = await service.getSettings()
    const { order, attribution } = input as { order: OrderForCommission; attribution: FrozenAttribution }
    const snapshot = (attribution.lines ?? {}) as CalculateOrderCommissionsStepOutput["new_lines"]
    const new_lines: CalculateOrderCommissionsStepOutput["new_lines"] = {}

    const current = new Map(order.lines.map((line) => [line.line_item_id, line]))
    for (const line of order.lines) {
      if (!snapshot[line.line_item_id]) {
        new_lines[line.line_item_id] = { product_id: line.product_id, quantity: line.quantity, net: String(line.net), gross: String(line.gross) }
      }
    }
    const frozenLines = { ...snapshot, ...new_lines }

    // Units an edit took away count as returned at their paid value (so a refund for
    // them is not taken twice); units an edit added are paid like the others.
    const lines = Object.entries(frozenLines).map(([line_item_id, frozen]) => {
      const now = current.get(line_item_id)
      const quantity = now?.quantity ?? 0
      const received = now?.returned_quantity ?? 0
      if (quantity > frozen.quantity) {
        const scale = (value: string) => MathBN.div(MathBN.mult(value, quantity), frozen.quantity).toString()
        return { line_item_id, product_id: frozen.product_id, quantity, returned_quantity: received, net: scale(frozen.net), gross: scale(frozen.gross) }
      }
      return {
        line_item_id,
        product_id: frozen.product_id,
        quantity: frozen.quantity,
        returned_quantity: Math.min(frozen.quantity, received + (frozen.quantity - quantity)),
        net: frozen.net,
        gross: frozen.gross,
      }
    })

    const kept = calculateKeptBase({
      currency_code: order.currency_code,
      canceled: order.canceled,
      refunded_total: order.refunded_total,
      lines,
    })
    const expected = splitCommissions({
      currency_code: order.currency_code,
      lines: kept,
      levels: (attribution.terms ?? []) as LevelTerms[],
      max_total_rate: attribution.max_total_rate,
    })

    const reached =
      !order.canceled &&
      (settings.settlement_trigger === "captured"
        ? order.captured
        : settings.settlement_trigger === "completed"
          ? order.completed
          : order.completed || order.delivered)
    const triggeredAt = attribution.triggered_at ? new Date(attribution.triggered_at) : reached ? new Date() : null

    return new StepResponse<CalculateOrderCommissionsStepOutput | null>({
      currency_code: order.currency_code,
      expected,
      trigger_reached_now: !attribution.triggered_at && reached,
      frozen_until: triggeredAt ? new Date(triggeredAt.getTime() + settings.freeze_days * DAY_MS) : null,
      new_lines,
      enroll_buyer:
        !attribution.triggered_at &&
        reached &&
        settings.enabled &&
        settings.enrollment_mode === "after_first_order" &&
        order.customer_has_account,
    })
  }
)
