import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { invalid } from "../../../modules/distribution/errors"
import { DistributionSettingsPatch } from "../../../modules/distribution/settings"

/**
 * The share coupon must name a promotion the store has: a typo would otherwise only show
 * up as shoppers who never get their discount.
 */
export const validateSharePromotionStepId = "validate-distribution-share-promotion"
export const validateSharePromotionStep = createStep(
  validateSharePromotionStepId,
  async (patch: DistributionSettingsPatch, { container }) => {
    const code = patch.share_promotion_code?.trim()
    if (!code) return new StepResponse(undefined)
    const promotions = await container.resolve(Modules.PROMOTION).listPromotions({ code }, { take: 1, select: ["id", "status"] })
    if (!promotions.length) {
      throw invalid(`share_promotion_code: no promotion has the code ${code}; create it under Promotions first`)
    }
    return new StepResponse(undefined)
  }
)
