import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OrderCommissionPlan, OrderSyncState, planOrderCommissions } from "../../../modules/distribution/calculations"

/** What the order's commissions should be now: a pure function of the state read once (DESIGN §2). */
export const planOrderCommissionsStepId = "plan-order-commissions"
export const planOrderCommissionsStep = createStep(planOrderCommissionsStepId, async (state: OrderSyncState | null) => {
  return new StepResponse<OrderCommissionPlan | null>(state ? planOrderCommissions(state) : null)
})
