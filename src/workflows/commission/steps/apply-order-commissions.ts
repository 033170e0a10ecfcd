import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"
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
 * should be, with the hold and the attribution's new lines, in one transaction of the
 * module. Nothing to compensate: the step is
 * the workflow's last write, and the next sync recomputes from the order anyway.
 */
export const applyOrderCommissionsStepId = "apply-order-commissions"
export const applyOrderCommissionsStep = createStep(
  applyOrderCommissionsStepId,
  async (input: ApplyOrderCommissionsStepInput, { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const { calculation, attribution } = input
    if (!calculation || !attribution) return new StepResponse({ created: [], adjusted: [], events: [] as DistributionEventMessage[] })

    const result = await service.applyCommissions({
      order_id: input.order_id,
      currency_code: calculation.currency_code,
      expected: calculation.expected,
      reason: input.reason,
      source_id: input.source_id,
      frozen_until: calculation.frozen_until,
      triggered_at: calculation.trigger_reached_now ? new Date() : null,
      new_lines: calculation.new_lines,
    })

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
