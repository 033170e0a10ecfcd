import { model } from "@medusajs/framework/utils"

export const ATTRIBUTION_SOURCES = ["binding", "cart_code", "self"] as const

/**
 * Who an order pays, frozen when it is placed: the chain and the terms of every
 * paid level. Later re-binding or setting changes never move it.
 */
const OrderAttribution = model
  .define(
    { name: "OrderAttribution", tableName: "distribution_order_attribution" },
    {
      id: model.id({ prefix: "dattr" }).primaryKey(),
      order_id: model.text(),
      customer_id: model.text().nullable(),
      distributor_id: model.text().nullable(),
      code: model.text().nullable(),
      source: model.enum([...ATTRIBUTION_SOURCES]).nullable(),
      currency_code: model.text(),
      /** [{ level, distributor_id, rate, source }] — only the paid levels. */
      terms: model.json(),
      max_total_rate: model.text(),
      /** Per line, its paid value for the whole quantity when first seen: { [line_item_id]: { product_id, quantity, net, gross } }. */
      lines: model.json(),
      /**
       * Per line and level, the rate or fixed amount a product rule or campaign gave it when the
       * line was first seen: { [line_item_id]: { [level]: { kind, value, source } } }. A line
       * without an entry earns its level's rate in `terms`.
       */
      line_terms: model.json().nullable(),
      triggered_at: model.dateTime().nullable(),
    }
  )
  .indexes([
    { on: ["order_id"], unique: true, where: "deleted_at IS NULL" },
    // The overview reads orders by the day they were placed.
    { on: ["created_at"], where: "deleted_at IS NULL AND distributor_id IS NOT NULL" },
  ])

export default OrderAttribution
