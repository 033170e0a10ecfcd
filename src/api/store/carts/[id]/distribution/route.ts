import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, PromotionActions } from "@medusajs/framework/utils"
import { updateCartPromotionsWorkflow } from "@medusajs/medusa/core-flows"
import { refetchCart } from "@medusajs/medusa/api/store/carts/helpers"
import { defaultStoreCartFields } from "@medusajs/medusa/api/store/carts/query-config"
import { StoreCartDistributionResponse } from "../../../../../client/types"
import { attachCartCodeWorkflow } from "../../../../../workflows/share/workflows/attach-cart-code"
import { StoreCartDistributionType } from "../../../distribution/validators"

/**
 * Carries a share code on the cart (Medusa copies cart metadata onto the order, so the
 * code reaches `order.placed` without touching the checkout path) and, when the store set
 * a share coupon, applies it through Medusa's own promotion workflow. Answers the cart as
 * Medusa's store cart routes do.
 */
export const POST = async (req: MedusaRequest<StoreCartDistributionType>, res: MedusaResponse<StoreCartDistributionResponse>) => {
  const cartId = req.params.id
  const { result } = await attachCartCodeWorkflow(req.scope).run({ input: { cart_id: cartId, code: req.validatedBody.code } })

  if (result.promotion_code) {
    try {
      await updateCartPromotionsWorkflow(req.scope).run({
        input: {
          cart_id: cartId,
          promo_codes: [result.promotion_code],
          action: PromotionActions.ADD,
          force_refresh_payment_collection: true,
        },
      })
    } catch (error) {
      // The code is on the cart either way: a coupon the merchant deleted must not cost the distributor the sale.
      req.scope
        .resolve(ContainerRegistrationKeys.LOGGER)
        .warn(`distribution: share coupon ${result.promotion_code} not applied to cart ${cartId}: ${(error as Error).message}`)
    }
  }
  res.json({ cart: await refetchCart(cartId, req.scope, defaultStoreCartFields) })
}
