/**
 * Orders placed and changed the real way, in-process: the same core-flows workflows the
 * store and admin routes run. `medusa exec` runs no subscribers, so after each change
 * the order's commissions are synced explicitly, as the plugin's subscribers would.
 */
import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import {
  addShippingMethodToCartWorkflow,
  cancelOrderWorkflow,
  capturePaymentWorkflow,
  completeCartWorkflow,
  completeOrderWorkflow,
  createCartWorkflow,
  createOrderFulfillmentWorkflow,
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionsWorkflow,
  markOrderFulfillmentAsDeliveredWorkflow,
  refundPaymentWorkflow,
} from "@medusajs/medusa/core-flows"
import { syncOrderCommissionsWorkflow } from "../src/workflows"
import { DemoStore, ProductKey } from "./store"

/** A customer, or a guest (no `id`). */
export type Buyer = { id?: string; email: string; first_name: string | null; last_name: string | null }
export type Line = [ProductKey, number]

export function orderDesk(container: MedusaContainer, store: DemoStore) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)

  const sync = (order_id: string, reason: string, source_id: string | null = null) =>
    syncOrderCommissionsWorkflow(container).run({ input: { order_id, reason, source_id } })

  async function paymentId(orderId: string): Promise<string> {
    const { data } = await query.graph({
      entity: "order",
      fields: ["id", "payment_collections.payments.id"],
      filters: { id: orderId },
    })
    const id = data[0]?.payment_collections?.[0]?.payments?.[0]?.id
    if (!id) throw new Error(`Order ${orderId} has no payment`)
    return id
  }

  return {
    /** Storefront checkout: cart (with a share code on it, if any) → shipping → payment session → order. */
    async place(buyer: Buyer, lines: Line[], { code }: { code?: string } = {}): Promise<string> {
      const address = {
        first_name: buyer.first_name ?? "",
        last_name: buyer.last_name ?? "",
        address_1: "500 Pine St",
        city: "Seattle",
        province: "WA",
        postal_code: "98101",
        country_code: "us",
      }
      const { result: cart } = await createCartWorkflow(container).run({
        input: {
          region_id: store.regionId,
          sales_channel_id: store.salesChannelId,
          customer_id: buyer.id,
          email: buyer.email,
          items: lines.map(([product, quantity]) => ({ variant_id: store.variantIds[product], quantity })),
          shipping_address: address,
          billing_address: address,
          // What the plugin's `POST /store/carts/:id/distribution` writes.
          metadata: code ? { distribution_code: code } : undefined,
        },
      })
      await addShippingMethodToCartWorkflow(container).run({ input: { cart_id: cart.id, options: [{ id: store.shippingOptionId }] } })
      const { result: collection } = await createPaymentCollectionForCartWorkflow(container).run({ input: { cart_id: cart.id } })
      await createPaymentSessionsWorkflow(container).run({
        input: { payment_collection_id: collection.id, provider_id: "pp_system_default" },
      })
      const { result: order } = await completeCartWorkflow(container).run({ input: { id: cart.id } })
      await sync(order.id, "order.placed")
      return order.id
    },

    async capture(orderId: string) {
      const payment_id = await paymentId(orderId)
      await capturePaymentWorkflow(container).run({ input: { payment_id } })
      await sync(orderId, "payment.captured", payment_id)
    },

    async refund(orderId: string, amount: number, note: string) {
      const payment_id = await paymentId(orderId)
      await refundPaymentWorkflow(container).run({ input: { payment_id, amount, note } })
      await sync(orderId, "payment.refunded", payment_id)
    },

    /** Ships every item from the warehouse and marks the parcel delivered (a settlement trigger). */
    async deliver(orderId: string) {
      const { data } = await query.graph({ entity: "order", fields: ["id", "items.*"], filters: { id: orderId } })
      // Quantities come back as BigNumber objects.
      const items = (data[0]?.items ?? []).map((item) => ({ id: item!.id, quantity: MathBN.convert(item!.quantity).toNumber() }))
      const { result: fulfillment } = await createOrderFulfillmentWorkflow(container).run({
        input: { order_id: orderId, items, location_id: store.stockLocationId },
      })
      await markOrderFulfillmentAsDeliveredWorkflow(container).run({ input: { orderId, fulfillmentId: fulfillment.id } })
      await sync(orderId, "delivery.created", fulfillment.id)
    },

    async complete(orderId: string) {
      await completeOrderWorkflow(container).run({ input: { orderIds: [orderId] } })
      await sync(orderId, "order.completed")
    },

    async cancel(orderId: string) {
      await cancelOrderWorkflow(container).run({ input: { order_id: orderId } })
      await sync(orderId, "order.canceled")
    },
  }
}
