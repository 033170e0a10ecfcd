import { z } from "@medusajs/framework/zod"
import { createFindParams } from "@medusajs/medusa/api/utils/validators"

export const StoreApply = z.strictObject({ display_name: z.string().min(1).max(60).optional() })
export type StoreApplyType = z.infer<typeof StoreApply>

export const StoreGetTeamParams = createFindParams({ limit: 20, offset: 0 }).merge(
  z.object({ level: z.coerce.number().int().min(1).max(3).default(1) })
)

export const StoreGetCommissionsParams = createFindParams({ limit: 20, offset: 0 }).merge(
  z.object({ status: z.enum(["pending", "frozen", "settled", "canceled"]).optional() })
)

export const StoreCreateShareLink = z.strictObject({ product_id: z.string().min(1).optional() })
export type StoreCreateShareLinkType = z.infer<typeof StoreCreateShareLink>

export const StoreBind = z.strictObject({ code: z.string().trim().min(1).max(64) })
export type StoreBindType = z.infer<typeof StoreBind>

export const StoreCartDistribution = z.strictObject({ code: z.string().trim().min(1).max(64) })
export type StoreCartDistributionType = z.infer<typeof StoreCartDistribution>

export const StoreCreateWithdrawal = z.strictObject({
  amount: z.number().positive(),
  currency_code: z.string().trim().min(3).max(3),
  method: z.enum(["bank_transfer", "alipay", "wechat", "paypal", "store_credit"]),
  account: z.record(z.string(), z.unknown()).default({}),
})
export type StoreCreateWithdrawalType = z.infer<typeof StoreCreateWithdrawal>

export const StoreGetWithdrawalsParams = createFindParams({ limit: 20, offset: 0 }).merge(
  z.object({ status: z.enum(["requested", "approved", "paid", "rejected", "failed"]).optional() })
)

export const StoreGetShareLinksParams = createFindParams({ limit: 20, offset: 0 })

export const StoreGetPosterParams = z.strictObject({
  region_id: z.string().trim().min(1).max(100).optional(),
  currency_code: z.string().trim().length(3).optional(),
})
export type StoreGetPosterParamsType = z.infer<typeof StoreGetPosterParams>

export const StoreGetLinksParams = createFindParams({ limit: 20, offset: 0 })
