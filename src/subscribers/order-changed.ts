import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { syncOrderCommissionsWorkflow } from "../workflows/commission/workflows/sync-order-commissions"

type OrderEventData = { id?: string; order_id?: string; return_id?: string; claim_id?: string; exchange_id?: string }

/**
 * Any change to an order's money or status re-syncs its commissions. Payloads differ
 * by event (`{ id }` or `{ order_id, ... }`); the sync reads the order itself.
 */
export default async function orderChangedHandler({ event, container }: SubscriberArgs<OrderEventData>) {
  const orderId = event.data.order_id ?? event.data.id
  if (!orderId) return
  await syncOrderCommissionsWorkflow(container).run({
    input: {
      order_id: orderId,
      reason: event.name,
      source_id: event.data.return_id ?? event.data.claim_id ?? event.data.exchange_id ?? null,
    },
  })
}

export const config: SubscriberConfig = {
  event: [
    "order.placed",
    "order.canceled",
    "order.completed",
    "order.return_received",
    "order.claim_created",
    "order.exchange_created",
    "order-edit.confirmed",
  ],
  context: { subscriberId: "distribution-order-changed" },
}
