import { z } from "@medusajs/framework/zod"
import { currencyCode, findParams, levelParam, safeId, safeText } from "../../common/validators"
import { WITHDRAWAL_METHODS } from "../../../modules/distribution/settings"
import { parseWithdrawalAccount } from "../../../modules/distribution/withdrawal-accounts"

export const StoreApply = z.strictObject({ display_name: safeText({ min: 1, max: 60 }).optional() })
export type StoreApplyType = z.infer<typeof StoreApply>

export const StoreGetTeamParams = findParams().merge(
  z.object({ level: levelParam().optional().default(1) })
)

export const StoreGetCommissionsParams = findParams().merge(
  z.object({ status: z.enum(["pending", "frozen", "settled", "canceled"]).optional() })
)

export const StoreCreateShareLink = z.strictObject({ product_id: safeId().optional() })
export type StoreCreateShareLinkType = z.infer<typeof StoreCreateShareLink>

export const StoreBind = z.strictObject({ code: safeText({ min: 1, max: 64 }) })
export type StoreBindType = z.infer<typeof StoreBind>

export const StoreCartDistribution = z.strictObject({ code: safeText({ min: 1, max: 64 }) })
export type StoreCartDistributionType = z.infer<typeof StoreCartDistribution>

/** The account is checked against its method here too, so a blank bank name is a 400 that names it. */
export const StoreCreateWithdrawal = z
  .strictObject({
    amount: z.number().positive().max(1_000_000_000_000),
    currency_code: currencyCode(),
    method: z.enum(WITHDRAWAL_METHODS),
    account: z.record(z.string(), z.unknown()).default({}),
  })
  .superRefine((body, ctx) => {
    // Runs after field issues too: only a known method has an account shape to check.
    if (!(WITHDRAWAL_METHODS as readonly unknown[]).includes(body.method)) return
    const { problems } = parseWithdrawalAccount(body.method, body.account)
    for (const problem of problems ?? []) ctx.addIssue({ code: "custom", path: problem.path.split("."), message: problem.message })
  })
export type StoreCreateWithdrawalType = z.infer<typeof StoreCreateWithdrawal>

export const StoreGetWithdrawalsParams = findParams().merge(
  z.object({ status: z.enum(["requested", "approved", "paid", "rejected", "failed"]).optional() })
)

export const StoreGetShareLinksParams = findParams()

export const StoreGetPosterParams = z.strictObject({
  region_id: safeId().optional(),
  currency_code: currencyCode().optional(),
})
export type StoreGetPosterParamsType = z.infer<typeof StoreGetPosterParams>

export const StoreGetLinksParams = findParams()
