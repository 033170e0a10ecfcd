import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"
import { OrderCommissionPlan, OrderSyncState } from "../../../modules/distribution/calculations"
import { DistributionEvents } from "../../events"
import { DistributionEventMessage } from "../../common/steps/emit-distribution-events"

export type ApplyOrderCommissionsStepInput = {
  state: OrderSyncState | null
  plan: OrderCommissionPlan | null
  reason: string
  source_id?: string | null
}

/**
 * Writes the plan in one transaction of the module: the attribution and binding on the
 * first sync, the commissions' differences, the hold. It is the sync's last write, so
 * there is nothing after it to compensate for; the next sync recomputes from the order.
 */
export const applyOrderCommissionsStepId = "apply-order-commissions"
export const applyOrderCommissionsStep = createStep(
  applyOrderCommissionsStepId,
  async ({ state, plan, reason, source_id }: ApplyOrderCommissionsStepInput, { container }) => {
    if (!state || !plan) return new StepResponse({ created: [] as string[], adjusted: [] as string[], events: [] as DistributionEventMessage[] })
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const result = await service.applyOrderPlan({
      plan,
      reason,
      source_id: source_id ?? null,
      now: new Date(state.now),
      settings: state.settings,
    })
    const events: DistributionEventMessage[] = [
      ...result.created.map((id) => ({ name: DistributionEvents.COMMISSION_CREATED, data: { id, order_id: plan.order_id } })),
      ...result.adjusted.map((id) => ({ name: DistributionEvents.COMMISSION_ADJUSTED, data: { id, order_id: plan.order_id, reason } })),
    ]
    return new StepResponse({ ...result, events })
  }
)
