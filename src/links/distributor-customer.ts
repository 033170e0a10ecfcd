import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import DistributionModule from "../modules/distribution"

/** Read-only: a distributor's customer, through `distributor.customer_id`. */
export default defineLink(
  { linkable: DistributionModule.linkable.distributor, field: "customer_id" },
  CustomerModule.linkable.customer,
  { readOnly: true }
)
