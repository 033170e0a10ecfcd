import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { StoreConfigResponse } from "../../../../client/types"
import { distributionService } from "../../../utils"

/**
 * The program's public terms, for storefronts: whether it runs, how customers join and are
 * bound (and so how long to keep a captured `ref`), and what a withdrawal needs. Rates and
 * the share coupon's code stay private.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse<StoreConfigResponse>) => {
  const s = await distributionService(req).getSettings()
  res.json({
    config: {
      enabled: s.enabled,
      enrollment_mode: s.enrollment_mode,
      binding_policy: s.binding_policy,
      binding_days: s.binding_days,
      share_coupon: !!s.share_promotion_code,
      storefront_url: s.storefront_url,
      withdrawal: {
        methods: s.withdrawal_methods,
        min: s.withdrawal_min,
        max: s.withdrawal_max,
        daily_max: s.withdrawal_daily_max,
        fee_rate: s.withdrawal_fee_rate,
      },
    },
  })
}
