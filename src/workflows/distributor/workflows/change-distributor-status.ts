import { createHook, createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { changeDistributorStatusStep, ChangeDistributorStatusStepInput } from "../steps/change-distributor-status"
import { emitDistributionEventsStep } from "../../common/steps/emit-distribution-events"
import { DistributionEvents } from "../../events"

export type ChangeDistributorStatusWorkflowInput = ChangeDistributorStatusStepInput

const EVENT_BY_ACTION = {
  approve: DistributionEvents.DISTRIBUTOR_APPROVED,
  reactivate: DistributionEvents.DISTRIBUTOR_APPROVED,
  reject: DistributionEvents.DISTRIBUTOR_REJECTED,
  suspend: DistributionEvents.DISTRIBUTOR_SUSPENDED,
} as const

/**
 * An admin decision on a distributor: approve, reject, suspend or reactivate. A
 * suspended distributor's level is skipped (not paid) on new orders.
 *
 * Hook `distributorStatusChanged` `{ distributor_id, action }`: throwing there puts the
 * previous status back.
 */
export const changeDistributorStatusWorkflowId = "change-distributor-status"
export const changeDistributorStatusWorkflow = createWorkflow(
  changeDistributorStatusWorkflowId,
  (input: ChangeDistributorStatusWorkflowInput) => {
    const distributor = changeDistributorStatusStep(input)
    const distributorStatusChanged = createHook("distributorStatusChanged", { distributor_id: distributor.id, action: input.action })
    emitDistributionEventsStep(
      transform({ input, distributor }, ({ input, distributor }) => [
        { name: EVENT_BY_ACTION[input.action], data: { id: distributor.id, reason: input.reason ?? null } },
      ])
    )
    return new WorkflowResponse(distributor, { hooks: [distributorStatusChanged] })
  }
)
