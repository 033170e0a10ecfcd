/** The four kinds of commission terms an admin edits, and the module's names for them. */
export const TERMS_ENTITIES = {
  grade: { plural: "grades", model: "Grades" },
  rule: { plural: "rules", model: "CommissionRules" },
  campaign: { plural: "campaigns", model: "CommissionCampaigns" },
  tier: { plural: "tiers", model: "SalesTiers" },
} as const

export type TermsEntity = keyof typeof TERMS_ENTITIES
