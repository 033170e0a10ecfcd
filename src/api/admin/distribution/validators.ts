import { z } from "@medusajs/framework/zod"
import { createFindParams } from "@medusajs/medusa/api/utils/validators"
import { SettingsPatchSchema } from "../../../modules/distribution/settings"

export const AdminGetDistributorsParams = createFindParams({ limit: 20, offset: 0 }).merge(
  z.object({
    status: z.enum(["pending", "active", "rejected", "suspended"]).optional(),
    q: z.string().trim().min(1).optional(),
  })
)

export const AdminCreateDistributor = z.strictObject({
  customer_id: z.string().min(1),
  display_name: z.string().min(1).max(60).optional(),
  parent_id: z.string().min(1).nullable().optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
})
export type AdminCreateDistributorType = z.infer<typeof AdminCreateDistributor>

export const AdminUpdateDistributor = z.strictObject({
  grade_id: z.string().min(1).nullable().optional(),
  display_name: z.string().min(1).max(60).nullable().optional(),
  metadata: z.record(z.string(), z.unknown()).nullable().optional(),
})
export type AdminUpdateDistributorType = z.infer<typeof AdminUpdateDistributor>

export const AdminReason = z.strictObject({ reason: z.string().trim().min(1).max(500) })
export const AdminOptionalReason = z.strictObject({ reason: z.string().trim().max(500).optional() })
export type AdminReasonType = { reason?: string }

export const AdminSetParent = z.strictObject({ parent_id: z.string().min(1).nullable() })
export type AdminSetParentType = z.infer<typeof AdminSetParent>

export const AdminGetTeamParams = createFindParams({ limit: 20, offset: 0 }).merge(
  z.object({ level: z.coerce.number().int().min(1).max(3).default(1) })
)

export const AdminGetCommissionsParams = createFindParams({ limit: 20, offset: 0 }).merge(
  z.object({
    distributor_id: z.string().optional(),
    order_id: z.string().optional(),
    status: z.enum(["pending", "frozen", "settled", "canceled"]).optional(),
    level: z.coerce.number().int().min(1).max(3).optional(),
  })
)

export const AdminSettleCommissions = z.strictObject({})

export const AdminUpdateSettings = SettingsPatchSchema
export type AdminUpdateSettingsType = z.infer<typeof AdminUpdateSettings>

export const AdminGetWithdrawalsParams = createFindParams({ limit: 20, offset: 0 }).merge(
  z.object({
    status: z.enum(["requested", "approved", "paid", "rejected", "failed"]).optional(),
    distributor_id: z.string().optional(),
  })
)

export const AdminMarkWithdrawalPaid = z.strictObject({ reference: z.string().trim().min(1).max(200) })
export type AdminMarkWithdrawalPaidType = z.infer<typeof AdminMarkWithdrawalPaid>
