import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { syncOrderCommissionsWorkflow } from "../workflows/commission/workflows/sync-order-commissions"

/** `payment.*` events carry only the payment id: find its order, then sync it. */
export default async function paymentChangedHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "payment",
    fields: ["id", "payment_collection.order.id"],
    filters: { id: event.data.id },
  })
  const orderId = (data[0] as { payment_collection?: { order?: { id?: string } } } | undefined)?.payment_collection?.order?.id
  if (!orderId) return
  await syncOrderCommissionsWorkflow(container).run({
    input: { order_id: orderId, reason: event.name, source_id: event.data.id },
  })
}

export const config: SubscriberConfig = {
  event: ["payment.captured", "payment.refunded"],
  context: { subscriberId: "distribution-payment-changed" },
}
