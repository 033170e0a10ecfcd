import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { settleMaturedCommissionsStep, SettleMaturedCommissionsStepInput } from "../steps/settle-matured-commissions"
import { emitDistributionEventsStep } from "../../common/steps/emit-distribution-events"
import { DistributionEvents } from "../../events"
import { upgradeDistributorGradesWorkflow } from "../../grade/workflows/upgrade-distributor-grades"
import { payReferRewardsWorkflow } from "../../refer-reward/workflows/pay-refer-rewards"

export type SettleCommissionsWorkflowInput = SettleMaturedCommissionsStepInput

/**
 * Credits matured commissions to their distributors' wallets: the scheduled job's
 * work, also run by operators through `POST /admin/distribution/commissions/settle`.
 */
export const settleCommissionsWorkflowId = "settle-distribution-commissions"
export const settleCommissionsWorkflow = createWorkflow(
  settleCommissionsWorkflowId,
  (input: SettleCommissionsWorkflowInput) => {
    const settled = settleMaturedCommissionsStep(input)
    emitDistributionEventsStep(
      transform({ settled }, ({ settled }) =>
        settled.map((c) => ({
          name: DistributionEvents.COMMISSION_SETTLED,
          data: { id: c.id, order_id: c.order_id, distributor_id: c.distributor_id },
        }))
      )
    )
    // Settled sales are what grades are earned on: the distributors paid, and their uplines.
    upgradeDistributorGradesWorkflow.runAsStep({
      input: transform({ settled }, ({ settled }) => ({
        distributor_ids: [...new Set(settled.map((c) => c.distributor_id))],
        with_uplines: true,
      })),
    })
    // 推三返一 counts settled referred orders: those just settled may complete a reward.
    payReferRewardsWorkflow.runAsStep({
      input: transform({ settled }, ({ settled }) => ({ distributor_ids: [...new Set(settled.map((c) => c.distributor_id))] })),
    })
    return new WorkflowResponse(transform({ settled }, ({ settled }) => ({ settled: settled.length, ids: settled.map((c) => c.id) })))
  }
)
