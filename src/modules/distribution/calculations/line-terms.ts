import { MathBN } from "@medusajs/framework/utils"
import { LevelTerms } from "./types"

/** What decides a product's commission: where it sits in the catalogue. */
export type ProductFacts = {
  product_id: string
  /** The product's categories and every ancestor of them. */
  category_ids: string[]
  collection_id: string | null
  type_id: string | null
}

export type RuleScope = "product" | "category" | "collection" | "product_type"
export type RuleDefinition = {
  id: string
  scope: RuleScope
  scope_id: string
  kind: "rate" | "fixed" | "none"
  level_values: string[]
  currency_code: string | null
  priority: number
  created_at: Date | string
}

export type CampaignDefinition = {
  id: string
  starts_at: Date | string
  ends_at: Date | string
  scope: "all" | "product" | "category"
  scope_ids: string[] | null
  multiplier: string | null
  level_rates: string[] | null
}

/** How one line earns at one level: a fraction of its kept base, or an amount per kept unit. */
export type LineLevelTerms = { kind: "rate" | "fixed"; value: string; source: string }
/** Per level ("1".."3"), for one line. */
export type LineTerms = Record<string, LineLevelTerms>

// The most specific scope wins: a product rule over its category's, over its collection's,
// over its type's.
const SPECIFICITY: Record<RuleScope, number> = { product: 4, category: 3, collection: 2, product_type: 1 }

/** The rule that applies to a product in an order of this currency, if any. */
export function ruleFor(product: ProductFacts | null, rules: RuleDefinition[], currencyCode: string): RuleDefinition | null {
  if (!product) return null
  const matches = rules.filter((rule) => {
    if (rule.kind === "fixed" && rule.currency_code?.toLowerCase() !== currencyCode.toLowerCase()) return false
    switch (rule.scope) {
      case "product":
        return rule.scope_id === product.product_id
      case "category":
        return product.category_ids.includes(rule.scope_id)
      case "collection":
        return rule.scope_id === product.collection_id
      case "product_type":
        return rule.scope_id === product.type_id
    }
  })
  // Ties: the higher priority, then the older rule (the one the merchant set first).
  matches.sort(
    (a, b) =>
      SPECIFICITY[b.scope] - SPECIFICITY[a.scope] ||
      b.priority - a.priority ||
      new Date(a.created_at).getTime() - new Date(b.created_at).getTime() ||
      a.id.localeCompare(b.id)
  )
  return matches[0] ?? null
}

/** The campaign running at `at` that covers this product, if any: the most specific, then the newest start. */
export function campaignFor(product: ProductFacts | null, campaigns: CampaignDefinition[], at: Date): CampaignDefinition | null {
  const rank = { product: 3, category: 2, all: 1 }
  const matches = campaigns.filter((c) => {
    if (!(new Date(c.starts_at) <= at && at < new Date(c.ends_at))) return false
    if (c.scope === "all") return true
    if (!product) return false
    const ids = c.scope_ids ?? []
    return c.scope === "product" ? ids.includes(product.product_id) : product.category_ids.some((id) => ids.includes(id))
  })
  matches.sort(
    (a, b) => rank[b.scope] - rank[a.scope] || new Date(b.starts_at).getTime() - new Date(a.starts_at).getTime() || a.id.localeCompare(b.id)
  )
  return matches[0] ?? null
}

/**
 * How a line earns at each paid level, decided when the line is first seen: the level's own
 * rate (settings, grade or tier, in `levels`), replaced by a product rule where one applies,
 * then a campaign's rates or multiplier. An exclusion (`none`) is never lifted by a campaign.
 * Null when the line simply earns its levels' rates.
 */
export function termsForLine(input: {
  product: ProductFacts | null
  levels: LevelTerms[]
  rules: RuleDefinition[]
  campaigns: CampaignDefinition[]
  currency_code: string
  at: Date
}): LineTerms | null {
  const rule = ruleFor(input.product, input.rules, input.currency_code)
  const campaign = rule?.kind === "none" ? null : campaignFor(input.product, input.campaigns, input.at)
  if (!rule && !campaign) return null

  const terms: LineTerms = {}
  for (const level of input.levels) {
    const index = level.level - 1
    let kind: "rate" | "fixed" = "rate"
    let value = MathBN.convert(level.rate)
    let source = level.source
    if (rule) {
      kind = rule.kind === "fixed" ? "fixed" : "rate"
      value = MathBN.convert(rule.kind === "none" ? 0 : rule.level_values[index] ?? 0)
      source = `rule:${rule.id}`
    }
    if (campaign) {
      if (kind === "rate" && campaign.level_rates?.[index] !== undefined) value = MathBN.convert(campaign.level_rates[index])
      if (campaign.multiplier) value = MathBN.mult(value, campaign.multiplier)
      source = `${source}+campaign:${campaign.id}`
    }
    terms[String(level.level)] = { kind, value: value.toString(), source }
  }
  return terms
}
