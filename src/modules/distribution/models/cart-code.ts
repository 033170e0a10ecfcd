import { model } from "@medusajs/framework/utils"

/**
 * A cart that carries a share code, counted when `POST /store/carts/:id/distribution`
 * attaches it: the step between a visit and an order. One row per cart, holding the code
 * the cart carries now.
 */
const CartCode = model
  .define(
    { name: "CartCode", tableName: "distribution_cart_code" },
    {
      id: model.id({ prefix: "dcart" }).primaryKey(),
      cart_id: model.text(),
      code: model.text(),
      distributor_id: model.text(),
      share_link_id: model.text().nullable(),
      product_id: model.text().nullable(),
    }
  )
  .indexes([
    { on: ["cart_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["distributor_id"], where: "deleted_at IS NULL" },
    { on: ["created_at"], where: "deleted_at IS NULL" },
  ])

export default CartCode
