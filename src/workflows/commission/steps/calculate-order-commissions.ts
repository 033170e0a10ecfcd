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

export type CalculateOrderCommissionsStepOutput = {
  currency_code: string
  expected: CalculatedCommission[]
  /** The settlement trigger has been reached now, for the first time. */
  trigger_reached_now: boolean
  /** When commissions of this order become withdrawable, once the trigger was reached. */
  frozen_until: Date | null
  /** Unit values of lines seen for the first time (added by an edit or exchange). */
  new_lines: Record<string, { product_id: string | null; unit_net: string; unit_gross: string }>
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

    const lines = order.lines.map((line) => {
      let unit = snapshot[line.line_item_id]
      if (!unit) {
        unit = { product_id: line.product_id, unit_net: line.unit_net, unit_gross: line.unit_gross }
        new_lines[line.line_item_id] = unit
      }
      return {
        ...line,
        net: MathBN.mult(unit.unit_net, line.quantity).toString(),
        gross: MathBN.mult(unit.unit_gross, line.quantity).toString(),
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
    })
  }
)
