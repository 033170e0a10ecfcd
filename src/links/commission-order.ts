import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import DistributionModule from "../modules/distribution"

/** Read-only: a commission's order, through `commission.order_id`. */
export default defineLink(
  { linkable: DistributionModule.linkable.commission, field: "order_id" },
  OrderModule.linkable.order,
  { readOnly: true }
)
