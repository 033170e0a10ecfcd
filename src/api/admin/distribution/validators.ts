import { z } from "@medusajs/framework/zod"
import { createFindParams, createOperatorMap } from "@medusajs/medusa/api/utils/validators"
import { SettingsPatchSchema } from "../../../modules/distribution/settings"

/** The documented bounds of every admin list: `limit` 1–100 (default 20), `offset` ≥ 0. */
const page = z.object({
  limit: z.preprocess((v) => (typeof v === "string" ? Number(v) : v), z.number().int().min(1).max(100).default(20)),
  offset: z.preprocess((v) => (typeof v === "string" ? Number(v) : v), z.number().int().min(0).default(0)),
})
/** Medusa's own list params (`fields`, `order`, `limit`, `offset`), newest first unless `order` says otherwise. */
const adminFindParams = () =>
  createFindParams({ limit: 20, offset: 0, order: "-created_at" }).merge(page).merge(
    z.object({
      // One of the resource's own fields: Query can't sort by a linked module's field (customer.email).
      order: z
        .string()
        .regex(/^-?[a-z_]+$/, "order takes one of the list's own fields, e.g. created_at or -created_at")
        .default("-created_at"),
    })
  )
const oneOrMany = <T extends [string, ...string[]]>(values: T) => z.union([z.enum(values), z.array(z.enum(values))])

export const AdminGetDistributorsParams = adminFindParams().merge(
  z.object({
    status: oneOrMany(["pending", "active", "rejected", "suspended"]).optional(),
    /** Code, display name, or the customer's email, first or last name. */
    q: z.string().trim().min(1).optional(),
    parent_id: z.union([z.string(), z.array(z.string())]).optional(),
    grade_id: z.union([z.string(), z.array(z.string())]).optional(),
    created_at: createOperatorMap().optional(),
  })
)
export type AdminGetDistributorsParamsType = z.infer<typeof AdminGetDistributorsParams>

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

export const AdminGetCommissionsParams = adminFindParams().merge(
  z.object({
    distributor_id: z.union([z.string(), z.array(z.string())]).optional(),
    order_id: z.union([z.string(), z.array(z.string())]).optional(),
    status: oneOrMany(["pending", "frozen", "settled", "canceled"]).optional(),
    level: z.union([z.coerce.number().int().min(1).max(3), z.array(z.coerce.number().int().min(1).max(3))]).optional(),
    currency_code: z.string().optional(),
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
    distributor_id: z.union([z.string(), z.array(z.string())]).optional(),
    currency_code: z.string().optional(),
    created_at: createOperatorMap().optional(),
  })
)
export type AdminGetWithdrawalsParamsType = z.infer<typeof AdminGetWithdrawalsParams>

export const AdminMarkWithdrawalPaid = z.strictObject({ reference: z.string().trim().min(1).max(200) })
export type AdminMarkWithdrawalPaidType = z.infer<typeof AdminMarkWithdrawalPaid>

/** Bulk approve / reject / suspend: up to 100 ids; reject and suspend need a reason, as their single routes do. */
export const AdminBatchDistributors = z
  .strictObject({
    ids: z.array(z.string().min(1)).min(1).max(100),
    action: z.enum(["approve", "reject", "suspend"]),
    reason: z.string().trim().min(1).max(500).optional(),
  })
  .refine((b) => b.action === "approve" || !!b.reason, { message: "A reason is required to reject or suspend", path: ["reason"] })
export type AdminBatchDistributorsType = z.infer<typeof AdminBatchDistributors>
