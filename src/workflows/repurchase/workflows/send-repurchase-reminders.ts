import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { findDueRepurchasesStep } from "../steps/find-due-repurchases"
import { claimRepurchaseRemindersStep } from "../steps/claim-repurchase-reminders"
import { emitDistributionEventsStep } from "../../common/steps/emit-distribution-events"
import { DistributionEvents } from "../../events"

export type SendRepurchaseRemindersWorkflowInput = {
  /** The moment to judge "due" at; now by default. */
  now?: Date | string
}

/**
 * Emits `distribution.customer.repurchase_due` `{ customer_id, distributor_id,
 * last_order_id, due_at }` for every bound customer whose usual reorder interval has
 * passed, once per customer and interval, for the store's notification provider.
 * Idempotent, and safe on two workers at once.
 *
 * @example
 * const { result } = await sendRepurchaseRemindersWorkflow(container).run({ input: {} })
 */
export const sendRepurchaseRemindersWorkflowId = "send-distribution-repurchase-reminders"
export const sendRepurchaseRemindersWorkflow = createWorkflow(
  sendRepurchaseRemindersWorkflowId,
  (input: SendRepurchaseRemindersWorkflowInput) => {
    const now = transform({ input }, ({ input }) => (input.now ? new Date(input.now) : new Date()))
    const due = findDueRepurchasesStep({ now })
    const claimed = claimRepurchaseRemindersStep(due)
    emitDistributionEventsStep(
      transform({ claimed }, ({ claimed }) =>
        claimed.map((c) => ({
          name: DistributionEvents.CUSTOMER_REPURCHASE_DUE,
          data: {
            customer_id: c.customer_id,
            distributor_id: c.distributor_id,
            last_order_id: c.last_order_id,
            due_at: new Date(c.due_at).toISOString(),
          },
        }))
      )
    )
    return new WorkflowResponse(transform({ claimed }, ({ claimed }) => ({ sent: claimed.length })))
  }
)
