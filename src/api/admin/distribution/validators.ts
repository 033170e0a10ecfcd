import { z } from "@medusajs/framework/zod"
import { createOperatorMap } from "@medusajs/medusa/api/utils/validators"
import { SettingsPatchSchema } from "../../../modules/distribution/settings"
import { currencyCode, findParams, levelParam, safeId, safeJsonObject, safeText, searchText } from "../../common/validators"

/** Medusa's own list params (`fields`, `order`, `limit` 1–100, `offset` ≥ 0), newest first unless `order` says otherwise. */
const adminFindParams = () =>
  findParams().extend({
    // One of the resource's own fields: Query can't sort by a linked module's field (customer.email).
    order: safeText({ max: 200 })
      .regex(/^-?[a-z_]+$/, "order takes one of the list's own fields, e.g. created_at or -created_at")
      .optional()
      .default("-created_at"),
  })
const oneOrMany = <T extends [string, ...string[]]>(values: T) => z.union([z.enum(values), z.array(z.enum(values)).max(10)])
const ids = () => z.union([safeId(), z.array(safeId()).max(100)]).optional()

export const AdminGetDistributorsParams = adminFindParams().merge(
  z.object({
    status: oneOrMany(["pending", "active", "rejected", "suspended"]).optional(),
    /** Code, display name, or the customer's email, first or last name. */
    q: searchText().optional(),
    parent_id: ids(),
    grade_id: ids(),
    created_at: createOperatorMap().optional(),
  })
)
export type AdminGetDistributorsParamsType = z.infer<typeof AdminGetDistributorsParams>

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

export const AdminGetCommissionsParams = adminFindParams().merge(
  z.object({
    distributor_id: ids(),
    order_id: ids(),
    status: oneOrMany(["pending", "frozen", "settled", "canceled"]).optional(),
    level: z.union([levelParam(), z.array(levelParam()).max(3)]).optional(),
    currency_code: currencyCode().optional(),
    /** `created_at[$gte]=2026-12-01&created_at[$lt]=2026-12-08`, as Medusa's own lists. */
    created_at: createOperatorMap().optional(),
  })
)
export type AdminGetCommissionsParamsType = z.infer<typeof AdminGetCommissionsParams>

export const AdminSettleCommissions = z.strictObject({})

export const AdminUpdateSettings = SettingsPatchSchema
export type AdminUpdateSettingsType = z.infer<typeof AdminUpdateSettings>

export const AdminGetWithdrawalsParams = adminFindParams().merge(
  z.object({
    status: oneOrMany(["requested", "approved", "paid", "rejected", "failed"]).optional(),
    distributor_id: ids(),
    currency_code: currencyCode().optional(),
    created_at: createOperatorMap().optional(),
  })
)
export type AdminGetWithdrawalsParamsType = z.infer<typeof AdminGetWithdrawalsParams>

export const AdminMarkWithdrawalPaid = z.strictObject({ reference: safeText({ min: 1, max: 200 }) })
export type AdminMarkWithdrawalPaidType = z.infer<typeof AdminMarkWithdrawalPaid>

/** Bulk approve / reject / suspend: up to 100 ids; reject and suspend need a reason, as their single routes do. */
export const AdminBatchDistributors = z
  .strictObject({
    ids: z.array(safeId()).min(1).max(100),
    action: z.enum(["approve", "reject", "suspend"]),
    reason: safeText({ min: 1, max: 500 }).optional(),
  })
  .refine((b) => b.action === "approve" || !!b.reason, { message: "A reason is required to reject or suspend", path: ["reason"] })
export type AdminBatchDistributorsType = z.infer<typeof AdminBatchDistributors>
