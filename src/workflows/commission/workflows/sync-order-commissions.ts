import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { loadOrderSyncStateStep } from "../steps/load-order-sync-state"
import { planOrderCommissionsStep } from "../steps/plan-order-commissions"
import { applyOrderCommissionsStep } from "../steps/apply-order-commissions"
import { enrollDistributorWorkflow } from "../../distributor/workflows/enroll-distributor"
import { emitDistributionEventsStep } from "../../common/steps/emit-distribution-events"

export type SyncOrderCommissionsWorkflowInput = {
  order_id: string
  /** Why the sync runs, kept on any adjustment it makes (e.g. "order.canceled"). */
  reason?: string
  /** What caused it: a return, payment or order change id. */
  source_id?: string | null
}

/**
 * Brings an order's commissions in line with the order as it is now: load → plan (pure) →
 * enroll the buyer where due → apply → emit. The first sync freezes the attribution; every
 * later one applies only the difference. A per-order lock serialises syncs of one order
 * (two syncs reading the order at different moments must not apply out of order), row
 * locks serialise them with the settlement job, and unique keys stop a second writer: a
 * duplicate event, a second worker or a replay changes nothing.
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

    const state = loadOrderSyncStateStep({ order_id: input.order_id })
    const plan = planOrderCommissionsStep(state)

    // Decided from the state (the order reached settlement, the buyer is no distributor yet),
    // so a retry after a failure enrolls them; undone if the apply below fails.
    when("enroll-buyer-after-first-order", { plan }, ({ plan }) => !!plan?.enroll_buyer).then(() => {
      enrollDistributorWorkflow.runAsStep({
        input: { customer_id: transform({ state }, ({ state }) => state!.order.customer_id!), by: "first_order" },
      })
    })

    const result = applyOrderCommissionsStep({
      state,
      plan,
      reason: transform({ input }, ({ input }) => input.reason ?? "sync"),
      source_id: input.source_id,
    })
    emitDistributionEventsStep(transform({ result }, ({ result }) => result.events))

    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(transform({ result }, ({ result }) => ({ created: result.created, adjusted: result.adjusted })))
  }
)
