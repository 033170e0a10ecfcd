import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"
import { invalid, notFound } from "../../../modules/distribution/errors"
import { resolveShareCode } from "../resolve-share-code"

export type ValidatedCartCode = {
  cart_id: string
  metadata: Record<string, unknown>
  code: string
  distributor_id: string
  share_link_id: string | null
  product_id: string | null
  /** The store's share coupon, when one is set. */
  promotion_code: string | null
}

/** The cart can take the code: it exists, is not completed, and the code is an active distributor's, not the buyer's own. */
export const validateCartCodeStepId = "validate-distribution-cart-code"
export const validateCartCodeStep = createStep(
  validateCartCodeStepId,
  async (input: { cart_id: string; code: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "cart",
      fields: ["id", "customer_id", "completed_at", "metadata"],
      filters: { id: input.cart_id },
    })
    const cart = data[0]
    if (!cart) throw notFound(`Cart ${input.cart_id} was not found`)
    if (cart.completed_at) throw invalid(`Cart ${input.cart_id} is already completed`)

    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const resolved = await resolveShareCode(service, input.code)
    if (!resolved || !resolved.active) throw notFound(`No active distributor has the code ${input.code.trim()}`)
    if (cart.customer_id && resolved.distributor_customer_id === cart.customer_id) {
      throw invalid("You cannot use your own code")
    }
    const settings = await service.getSettings()
    return new StepResponse<ValidatedCartCode>({
      cart_id: cart.id,
      metadata: (cart.metadata ?? {}) as Record<string, unknown>,
      code: resolved.code,
      distributor_id: resolved.distributor_id,
      share_link_id: resolved.share_link_id,
      product_id: resolved.product_id,
      promotion_code: settings.enabled ? settings.share_promotion_code : null,
    })
  }
)
