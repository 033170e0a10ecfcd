import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"
import { asJson } from "../../../modules/distribution/calculations"
import { DistributionEvents } from "../../events"
import { DistributionEventMessage } from "../../common/steps/emit-distribution-events"
import { CalculateOrderCommissionsStepOutput, FrozenAttribution } from "./calculate-order-commissions"

export type ApplyOrderCommissionsStepInput = {
  order_id: string
  attribution: FrozenAttribution | null
  calculation: CalculateOrderCommissionsStepOutput | null
  reason: string
  source_id?: string | null
}

/**
 * Applies the difference between what an order's commissions are and what they
 * should be, in one transaction of the module. Nothing to compensate: the step is
 * the workflow's last write, and the next sync recomputes from the order anyway.
 */
export const applyOrderCommissionsStepId = "apply-order-commissions"
export const applyOrderCommissionsStep = createStep(
  applyOrderCommissionsStepId,
  async (input: ApplyOrderCommissionsStepInput, { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const { calculation, attribution } = input
    if (!calculation || !attribution) return new StepResponse({ created: [], adjusted: [], events: [] as DistributionEventMessage[] })

    if (Object.keys(calculation.new_lines).length) {
      await service.updateOrderAttributions({
        id: attribution.id,
        lines: asJson({ ...((attribution.lines as object) ?? {}), ...calculation.new_lines }),
      })
    }
    const result = await service.applyCommissions({
      order_id: input.order_id,
      currency_code: calculation.currency_code,
      expected: calculation.expected,
      reason: input.reason,
      source_id: input.source_id,
      frozen_until: calculation.frozen_until,
    })
    if (calculation.trigger_reached_now && calculation.frozen_until) {
      await service.updateOrderAttributions({ id: attribution.id, triggered_at: new Date() })
      await service.freezeOrderCommissions(input.order_id, calculation.frozen_until)
    }

    const events: DistributionEventMessage[] = [
      ...result.created.map((id) => ({ name: DistributionEvents.COMMISSION_CREATED, data: { id, order_id: input.order_id } })),
      ...result.adjusted.map((id) => ({
        name: DistributionEvents.COMMISSION_ADJUSTED,
        data: { id, order_id: input.order_id, reason: input.reason },
      })),
    ]
    return new StepResponse({ ...result, events })
  }
)
