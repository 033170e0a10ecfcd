import { z } from "@medusajs/framework/zod"
import { findParams, safeId, safeText } from "../../../common/validators"

const rate = z.number().gt(0, "a team bonus rate is a fraction above 0").max(1, "a rate is a fraction from 0 to 1 (0.01 = 1 %)")
const id = safeId()
const period = safeText({ min: 1, max: 7 }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, "period is a month, YYYY-MM")

export const AdminCreateTeamBonusPlan = z.strictObject({ name: safeText({ min: 1, max: 100 }), grade_id: id, rate, active: z.boolean().optional() })
export const AdminUpdateTeamBonusPlan = AdminCreateTeamBonusPlan.partial()
export type AdminTeamBonusPlanBody = z.infer<typeof AdminUpdateTeamBonusPlan>

export const AdminPayTeamBonus = z.strictObject({ period, plan_id: id.optional() })
export type AdminPayTeamBonusType = z.infer<typeof AdminPayTeamBonus>

export const AdminListTeamBonusPlans = findParams()
export const AdminListTeamBonusPayouts = findParams().merge(
  z.object({
    plan_id: id.optional(),
    period: period.optional(),
    distributor_id: id.optional(),
  })
)
