import { updateCartWorkflow } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { validateCartCodeStep } from "../steps/validate-cart-code"
import { recordCartCodeStep } from "../steps/record-cart-code"

export type AttachCartCodeWorkflowInput = { cart_id: string; code: string }

/**
 * Carries a share code on a cart: in `cart.metadata.distribution_code`, which Medusa copies
 * onto the order, so the code reaches `order.placed` without touching the checkout path;
 * and counted as a cart with a code for conversion stats. Answers the store's share
 * coupon, if any, for the caller to apply through Medusa's promotion workflow.
 *
 * @example
 * const { result } = await attachCartCodeWorkflow(container).run({ input: { cart_id: "cart_1", code: "K7M2Q9XA" } })
 */
export const attachCartCodeWorkflowId = "attach-distribution-cart-code"
export const attachCartCodeWorkflow = createWorkflow(attachCartCodeWorkflowId, (input: AttachCartCodeWorkflowInput) => {
  const validated = validateCartCodeStep(input)
  updateCartWorkflow.runAsStep({
    input: transform({ validated }, ({ validated }) => ({
      id: validated.cart_id,
      metadata: { ...validated.metadata, distribution_code: validated.code },
    })),
  })
  recordCartCodeStep(
    transform({ validated }, ({ validated }) => ({
      cart_id: validated.cart_id,
      code: validated.code,
      distributor_id: validated.distributor_id,
      share_link_id: validated.share_link_id,
      product_id: validated.product_id,
    }))
  )
  return new WorkflowResponse(
    transform({ validated }, ({ validated }) => ({ code: validated.code, promotion_code: validated.promotion_code }))
  )
})
