import { z } from "@medusajs/framework/zod"
import { createFindParams } from "@medusajs/medusa/api/utils/validators"

const rate = z.number().gt(0, "a team bonus rate is a fraction above 0").max(1, "a rate is a fraction from 0 to 1 (0.01 = 1 %)")
const id = z.string().trim().min(1).max(100)
const period = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "period is a month, YYYY-MM")

export const AdminCreateTeamBonusPlan = z.strictObject({ name: z.string().trim().min(1).max(100), grade_id: id, rate, active: z.boolean().optional() })
export const AdminUpdateTeamBonusPlan = AdminCreateTeamBonusPlan.partial()
export type AdminTeamBonusPlanBody = z.infer<typeof AdminUpdateTeamBonusPlan>

export const AdminPayTeamBonus = z.strictObject({ period, plan_id: id.optional() })
export type AdminPayTeamBonusType = z.infer<typeof AdminPayTeamBonus>

const page = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
})
export const AdminListTeamBonusPlans = createFindParams({ limit: 20, offset: 0 }).merge(page)
export const AdminListTeamBonusPayouts = createFindParams({ limit: 20, offset: 0 }).merge(page).merge(
  z.object({
    plan_id: id.optional(),
    period: period.optional(),
    distributor_id: id.optional(),
  })
)
