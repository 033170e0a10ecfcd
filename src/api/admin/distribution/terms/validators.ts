import { z } from "@medusajs/framework/zod"
import { dateTime, findParams, safeId, safeJsonObject, safeText } from "../../../common/validators"
import { CAMPAIGN_SCOPES } from "../../../../modules/distribution/models/campaign"
import { RULE_KINDS, RULE_SCOPES } from "../../../../modules/distribution/models/commission-rule"
import { HARD_MAX_LEVELS } from "../../../../modules/distribution/settings"

const name = safeText({ min: 1, max: 100 })
const id = safeId()
const rate = z.number().min(0, "a rate is a fraction from 0 to 1").max(1, "a rate is a fraction from 0 to 1 (0.1 = 10 %)")
const levelRates = z.array(rate).min(1).max(HARD_MAX_LEVELS, `at most ${HARD_MAX_LEVELS} levels are ever paid`)
const currency = safeText({ min: 3, max: 3 }).transform((c) => c.toLowerCase())
const money = z.number().min(0).max(1_000_000_000)

export const AdminListTermsParams = findParams()

const GradeFields = {
  name,
  rank: z.number().int().min(0).max(1000),
  level_rates: levelRates,
  conditions: z
    .strictObject({
      own_sales: money.optional(),
      team_sales: money.optional(),
      direct_buyers: z.number().int().min(0).max(1_000_000).optional(),
      team_size: z.number().int().min(0).max(1_000_000).optional(),
      match: z.enum(["any", "all"]).default("any"),
    })
    .nullable()
    .optional(),
  customer_group_id: id.nullable().optional(),
  can_view_team: z.boolean().optional(),
  metadata: safeJsonObject().nullable().optional(),
}
export const AdminCreateGrade = z.strictObject(GradeFields)
export const AdminUpdateGrade = z.strictObject(GradeFields).partial()

const RuleFields = {
  name: name.nullable().optional(),
  scope: z.enum(RULE_SCOPES),
  scope_id: id,
  kind: z.enum(RULE_KINDS),
  level_values: z.array(z.number().min(0).max(1_000_000_000)).max(HARD_MAX_LEVELS, `at most ${HARD_MAX_LEVELS} levels are ever paid`).default([]),
  currency_code: currency.nullable().optional(),
  priority: z.number().int().min(-1000).max(1000).default(0),
}
const ruleShape = <T extends { kind?: string; level_values?: number[]; currency_code?: string | null }>(rule: T, ctx: z.RefinementCtx) => {
  if (rule.kind === "fixed" && !rule.currency_code) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["currency_code"], message: "a fixed amount is money: say in which currency (currency_code)" })
  }
  if (rule.kind === "rate" && rule.level_values?.some((v) => v > 1)) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["level_values"], message: "rates are fractions from 0 to 1 (0.1 = 10 %)" })
  }
  if ((rule.kind === "rate" || rule.kind === "fixed") && !rule.level_values?.length) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["level_values"], message: `a ${rule.kind} rule needs a value for level 1 at least` })
  }
  if (rule.kind === "none" && rule.level_values?.length) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["level_values"], message: "an exclusion (kind none) takes no values" })
  }
}
export const AdminCreateRule = z.strictObject(RuleFields).superRefine(ruleShape)
export const AdminUpdateRule = z
  .strictObject({ ...RuleFields, level_values: RuleFields.level_values.optional(), priority: RuleFields.priority.optional() })
  .partial()

const CampaignFields = {
  name,
  starts_at: dateTime(),
  ends_at: dateTime(),
  scope: z.enum(CAMPAIGN_SCOPES).default("all"),
  scope_ids: z.array(id).max(1000).nullable().optional(),
  multiplier: z.number().gt(0).max(100).nullable().optional(),
  level_rates: levelRates.nullable().optional(),
}
const campaignShape = (c: { starts_at?: Date; ends_at?: Date; scope?: string; scope_ids?: string[] | null; multiplier?: number | null; level_rates?: number[] | null }, ctx: z.RefinementCtx) => {
  if (c.starts_at && c.ends_at && !(c.starts_at < c.ends_at)) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["ends_at"], message: "ends_at must be after starts_at" })
  }
  if (c.scope && c.scope !== "all" && !c.scope_ids?.length) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["scope_ids"], message: `a ${c.scope} campaign needs the ${c.scope} ids it covers` })
  }
}
export const AdminCreateCampaign = z
  .strictObject(CampaignFields)
  .superRefine(campaignShape)
  .refine((c) => c.multiplier || c.level_rates, { message: "a campaign needs a multiplier or level_rates", path: ["multiplier"] })
export const AdminUpdateCampaign = z.strictObject({ ...CampaignFields, scope: z.enum(CAMPAIGN_SCOPES).optional() }).partial().superRefine(campaignShape)

const TierFields = { name, currency_code: currency, min_sales: money, level_rates: levelRates }
export const AdminCreateTier = z.strictObject(TierFields)
export const AdminUpdateTier = z.strictObject(TierFields).partial()

const day = dateTime()
/**
 * A what-if: draft rules (and campaigns, and grade rates by existing grade id) tried on the
 * store's real orders of a date range, against the terms in force. Writes nothing.
 */
export const AdminPreviewTerms = z
  .strictObject({
    rules: z.array(AdminCreateRule).max(500),
    campaigns: z.array(AdminCreateCampaign).max(100).optional(),
    grades: z.array(z.strictObject({ id, level_rates: levelRates })).max(100).optional(),
    from: day,
    to: day,
  })
  .refine((p) => p.from <= p.to, { message: "from must be on or before to", path: ["to"] })
  .refine((p) => p.to.getTime() - p.from.getTime() <= 366 * 24 * 3600 * 1000, { message: "a preview covers at most 366 days", path: ["to"] })
export type AdminPreviewTermsType = z.infer<typeof AdminPreviewTerms>
