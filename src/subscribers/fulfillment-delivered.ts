import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { syncOrderCommissionsWorkflow } from "../workflows/commission/workflows/sync-order-commissions"

/** A delivery can be the settlement trigger; the event names the fulfillment, not the order. */
export default async function fulfillmentDeliveredHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "fulfillment",
    fields: ["id", "order.id"],
    filters: { id: event.data.id },
  })
  const orderId = (data[0] as { order?: { id?: string } } | undefined)?.order?.id
  if (!orderId) return
  await syncOrderCommissionsWorkflow(container).run({
    input: { order_id: orderId, reason: event.name, source_id: event.data.id },
  })
}

export const config: SubscriberConfig = {
  event: ["delivery.created"],
  context: { subscriberId: "distribution-fulfillment-delivered" },
}
