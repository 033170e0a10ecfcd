import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { updateCartWorkflow } from "@medusajs/medusa/core-flows"
import { distributionService } from "../../../../utils"
import { invalid, notFound } from "../../../../../modules/distribution/errors"
import { StoreCartDistributionType } from "../../../distribution/validators"

const CART_FIELDS = ["id", "customer_id", "completed_at", "metadata"]

/**
 * Carries a share code on the cart. Medusa copies cart metadata onto the order, so
 * the code reaches `order.placed` without touching the checkout path.
 */
export const POST = async (req: MedusaRequest<StoreCartDistributionType>, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const cartId = req.params.id
  const { data } = await query.graph({ entity: "cart", fields: CART_FIELDS, filters: { id: cartId } })
  const cart = data[0]
  if (!cart) throw notFound(`Cart ${cartId} was not found`)
  if (cart.completed_at) throw invalid(`Cart ${cartId} is already completed`)

  const resolved = await distributionService(req).resolveCode(req.validatedBody.code)
  if (!resolved || resolved.distributor.status !== "active") {
    throw notFound(`No active distributor has the code ${req.validatedBody.code}`)
  }
  if (cart.customer_id && resolved.distributor.customer_id === cart.customer_id) {
    throw invalid("You cannot use your own code")
  }

  const code = req.validatedBody.code.trim().toUpperCase()
  await updateCartWorkflow(req.scope).run({
    input: { id: cartId, metadata: { ...(cart.metadata ?? {}), distribution_code: code } },
  })
  const { data: refreshed } = await query.graph({ entity: "cart", fields: ["*", "items.*"], filters: { id: cartId } })
  res.json({ cart: refreshed[0] })
}
