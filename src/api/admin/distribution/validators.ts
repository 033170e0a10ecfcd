import { z } from "@medusajs/framework/zod"
import { SettingsPatchSchema } from "../../../modules/distribution/settings"
import { findParams, idFilter, levelParam, safeId, safeJsonObject, safeText, searchText } from "../../common/validators"

export const AdminGetDistributorsParams = findParams().merge(
  z.object({
    status: z.enum(["pending", "active", "rejected", "suspended"]).optional(),
    q: searchText().optional(),
  })
)

export const AdminCreateDistributor = z.strictObject({
  customer_id: safeId(),
  display_name: safeText({ min: 1, max: 60 }).optional(),
  parent_id: safeId().nullable().optional(),
  metadata: safeJsonObject().optional(),
})
export type AdminCreateDistributorType = z.infer<typeof AdminCreateDistributor>

export const AdminUpdateDistributor = z.strictObject({
  grade_id: safeId().nullable().optional(),
  display_name: safeText({ min: 1, max: 60 }).nullable().optional(),
  metadata: safeJsonObject().nullable().optional(),
})
export type AdminUpdateDistributorType = z.infer<typeof AdminUpdateDistributor>

export const AdminReason = z.strictObject({ reason: safeText({ min: 1, max: 500 }) })
export const AdminOptionalReason = z.strictObject({ reason: safeText({ max: 500 }).optional() })
export type AdminReasonType = { reason?: string }

export const AdminSetParent = z.strictObject({ parent_id: safeId().nullable() })
export type AdminSetParentType = z.infer<typeof AdminSetParent>

export const AdminGetTeamParams = findParams().merge(
  z.object({ level: levelParam().optional().default(1) })
)

export const AdminGetCommissionsParams = findParams().merge(
  z.object({
    distributor_id: idFilter(),
    order_id: idFilter(),
    status: z.enum(["pending", "frozen", "settled", "canceled"]).optional(),
    level: levelParam().optional(),
  })
)

export const AdminSettleCommissions = z.strictObject({})

export const AdminUpdateSettings = SettingsPatchSchema
export type AdminUpdateSettingsType = z.infer<typeof AdminUpdateSettings>

export const AdminGetWithdrawalsParams = findParams().merge(
  z.object({
    status: z.enum(["requested", "approved", "paid", "rejected", "failed"]).optional(),
    distributor_id: idFilter(),
  })
)

export const AdminMarkWithdrawalPaid = z.strictObject({ reference: safeText({ min: 1, max: 200 }) })
export type AdminMarkWithdrawalPaidType = z.infer<typeof AdminMarkWithdrawalPaid>
