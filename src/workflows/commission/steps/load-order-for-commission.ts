import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OrderLineMoney, toBN } from "../../../modules/distribution/calculations"

/** What the commission sync needs to know about an order, read in one query. */
export type OrderForCommission = {
  id: string
  created_at: Date | string
  status: string
  currency_code: string
  customer_id: string | null
  customer_has_account: boolean
  distribution_code: string | null
  canceled: boolean
  refunded_total: string
  lines: OrderLineMoney[]
  completed: boolean
  delivered: boolean
  captured: boolean
}

const ORDER_FIELDS = [
  "id",
  "created_at",
  "status",
  "currency_code",
  "customer_id",
  "metadata",
  "total",
  "items.*",
  "items.detail.*",
  "fulfillments.delivered_at",
  "fulfillments.canceled_at",
  "payment_collections.payments.captured_at",
  "payment_collections.payments.canceled_at",
  "payment_collections.payments.refunds.amount",
  "customer.has_account",
]


/**
 * Reads an order's current money state. Item totals are asked together with an
 * order-level total, since Medusa only computes them then (DESIGN §5).
 */
export const loadOrderForCommissionStepId = "load-order-for-commission"
export const loadOrderForCommissionStep = createStep(
  loadOrderForCommissionStepId,
  async ({ order_id }: { order_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "order", fields: ORDER_FIELDS, filters: { id: order_id } })
    const order = data[0] as Record<string, any> | undefined
    if (!order) return new StepResponse<OrderForCommission | null>(null)

    const payments: Record<string, any>[] = (order.payment_collections ?? []).flatMap((pc: any) => pc?.payments ?? [])
    const refunds = payments.flatMap((p) => p?.refunds ?? []).map((r: { amount: unknown }) => toBN(r.amount as string))
    const metadata = (order.metadata ?? {}) as Record<string, unknown>

    const lines = (order.items ?? []).map((item: Record<string, any>) => {
      const quantity = Number(toBN(item.quantity).toString())
      const returned = Number(toBN(item.detail?.return_received_quantity).toString())
      // Medusa lowers a line's totals once a return is received; adding the received value
      // back gives what was paid for the whole quantity, even when the first sync comes late.
      const keptGross = toBN(item.total)
      const keptNet = MathBN.sub(keptGross, toBN(item.tax_total))
      const kept = quantity - returned
      const gross = MathBN.add(keptGross, toBN(item.return_received_total))
      const net = returned === 0 ? keptNet : kept > 0 ? MathBN.div(MathBN.mult(keptNet, quantity), kept) : gross
      return {
        line_item_id: item.id as string,
        product_id: (item.product_id as string) ?? null,
        quantity,
        returned_quantity: returned,
        net: net.toString(),
        gross: gross.toString(),
      }
    })

    return new StepResponse<OrderForCommission | null>({
      id: order.id,
      created_at: new Date(order.created_at),
      status: order.status,
      currency_code: order.currency_code,
      customer_id: order.customer_id ?? null,
      customer_has_account: !!order.customer?.has_account,
      distribution_code: typeof metadata.distribution_code === "string" ? metadata.distribution_code : null,
      canceled: order.status === "canceled",
      refunded_total: MathBN.sum(...refunds, 0).toString(),
      lines,
      completed: order.status === "completed",
      delivered: (order.fulfillments ?? []).some((f: any) => f?.delivered_at && !f?.canceled_at),
      captured: payments.some((p) => p?.captured_at && !p?.canceled_at),
    })
  }
)
