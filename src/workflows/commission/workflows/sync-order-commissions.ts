import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { loadOrderForCommissionStep } from "../steps/load-order-for-commission"
import { attributeOrderStep } from "../steps/attribute-order"
import { calculateOrderCommissionsStep, FrozenAttribution } from "../steps/calculate-order-commissions"
import { applyOrderCommissionsStep } from "../steps/apply-order-commissions"
import { enrollDistributorWorkflow } from "../../distributor/workflows/enroll-distributor"
import { bindCustomerStep } from "../../binding/steps/bind-customer"
import { emitDistributionEventsStep } from "../../common/steps/emit-distribution-events"

export type SyncOrderCommissionsWorkflowInput = {
  order_id: string
  /** Why the sync runs, kept on any adjustment it makes (e.g. "order.canceled"). */
  reason?: string
  /** What caused it: a return, payment or order change id. */
  source_id?: string | null
}

/**
 * Brings an order's commissions in line with the order as it is now: attributes it
 * the first time (frozen from then on), recomputes the goods value kept, applies only
 * the difference and starts the hold when the settlement trigger is reached. Every
 * subscriber and the sweep call this; a per-order lock plus row locks make a
 * duplicate event, a second worker or a replay change nothing.
 *
 * @example
 * await syncOrderCommissionsWorkflow(container).run({ input: { order_id: "order_123", reason: "order.canceled" } })
 */
export const syncOrderCommissionsWorkflowId = "sync-order-commissions"
export const syncOrderCommissionsWorkflow = createWorkflow(
  syncOrderCommissionsWorkflowId,
  (input: SyncOrderCommissionsWorkflowInput) => {
    const lockKey = transform({ input }, ({ input }) => `distribution:order:${input.order_id}`)
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 120 })

    const order = loadOrderForCommissionStep({ order_id: input.order_id })

    // Each step passes a missing order (deleted, or not an order at all) through as a no-op.
    const attributed = attributeOrderStep({ order })
    const attribution = transform({ attributed }, ({ attributed }) => attributed.attribution)

    // Only when the attribution is first frozen: later syncs must not re-bind the buyer.
    when("bind-buyer-to-cart-code", { attributed, order }, ({ attributed, order }) =>
      attributed.created && attributed.attribution?.source === "cart_code" && !!order?.customer_has_account
    ).then(() => {
      bindCustomerStep({
        customer_id: transform({ order }, ({ order }) => order!.customer_id!),
        code: transform({ attribution }, ({ attribution }) => attribution!.code!),
        source: "order",
        lenient: true,
      })
    })

    const frozen = transform({ attribution }, ({ attribution }) => attribution as unknown as FrozenAttribution | null)
    const calculation = calculateOrderCommissionsStep({ order, attribution: frozen })
    const result = applyOrderCommissionsStep({
      order_id: input.order_id,
      attribution: frozen,
      calculation,
      reason: transform({ input }, ({ input }) => input.reason ?? "sync"),
      source_id: input.source_id,
    })
    emitDistributionEventsStep(transform({ result }, ({ result }) => result.events))

    when("enroll-buyer-after-first-order", { calculation }, ({ calculation }) => !!calculation?.enroll_buyer).then(() => {
      enrollDistributorWorkflow.runAsStep({
        input: { customer_id: transform({ order }, ({ order }) => order!.customer_id!), by: "first_order" },
      })
    })

    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(
      transform({ result }, ({ result }) => ({ created: result.created, adjusted: result.adjusted }))
    )
  }
)
