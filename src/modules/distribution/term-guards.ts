/**
 * The compliance guards on commission terms, checked when a grade, rule, campaign or sales
 * tier is saved (and when the settings change under them): never more than 3 paid levels, and
 * never more than `max_total_rate` paid over the levels of any line. The engine caps every
 * line anyway; refusing at save time tells the merchant, with the name and the reason.
 */
import { MathBN } from "@medusajs/framework/utils"
import type { DistributionSettings } from "./settings"
import { HARD_MAX_LEVELS } from "./settings"

type Settings = Pick<DistributionSettings, "max_levels" | "max_total_rate" | "level_rates">
type Rates = (string | number)[]

export type TermsForGuard = {
  grades: { id?: string; name: string; level_rates: Rates }[]
  rules: { id?: string; name?: string | null; scope: string; scope_id: string; kind: string; level_values: Rates }[]
  campaigns: { id?: string; name: string; multiplier?: string | number | null; level_rates?: Rates | null }[]
  tiers: { id?: string; name: string; level_rates: Rates }[]
}

/** The sum of the paid levels' values (the first `max_levels`). */
const paidSum = (values: Rates, settings: Settings) => MathBN.sum(...values.slice(0, settings.max_levels).map(String), 0)

function checkRates(what: string, values: Rates, settings: Settings): string | null {
  if (values.length > HARD_MAX_LEVELS) return `${what} sets ${values.length} levels: at most ${HARD_MAX_LEVELS} levels are ever paid`
  for (const [i, v] of values.entries()) {
    if (!MathBN.convert(String(v)).isFinite() || MathBN.lt(String(v), 0) || MathBN.gt(String(v), 1)) {
      return `${what}: the rate of level ${i + 1} must be a fraction between 0 and 1 (0.1 = 10 %)`
    }
  }
  const sum = paidSum(values, settings)
  if (sum.gt(settings.max_total_rate)) {
    return `${what} pays ${sum.toString()} over its levels, above max_total_rate ${settings.max_total_rate}`
  }
  return null
}

const label = (kind: string, t: { id?: string; name?: string | null }) => `${kind} "${t.name ?? t.id ?? "new"}"`

/** Why these terms can't be saved under these settings, or null. */
export function whyTermsRefused(terms: TermsForGuard, settings: Settings): string | null {
  for (const grade of terms.grades) {
    const problem = checkRates(label("Grade", grade), grade.level_rates, settings)
    if (problem) return problem
  }
  for (const tier of terms.tiers) {
    const problem = checkRates(label("Sales tier", tier), tier.level_rates, settings)
    if (problem) return problem
  }
  for (const rule of terms.rules) {
    const what = label("Rule", { ...rule, name: rule.name ?? `${rule.scope} ${rule.scope_id}` })
    if (rule.kind === "rate") {
      const problem = checkRates(what, rule.level_values, settings)
      if (problem) return problem
    } else if (rule.level_values.length > HARD_MAX_LEVELS) {
      return `${what} sets ${rule.level_values.length} levels: at most ${HARD_MAX_LEVELS} levels are ever paid`
    }
  }
  // A campaign's rates, or its multiplier on any rate it can meet, must stay within the cap.
  const rateSets: { what: string; values: Rates }[] = [
    { what: "the store's level rates", values: settings.level_rates },
    ...terms.grades.map((g) => ({ what: label("grade", g), values: g.level_rates })),
    ...terms.tiers.map((t) => ({ what: label("sales tier", t), values: t.level_rates })),
    ...terms.rules.filter((r) => r.kind === "rate").map((r) => ({ what: label("rule", r), values: r.level_values })),
  ]
  for (const campaign of terms.campaigns) {
    const what = label("Campaign", campaign)
    if (campaign.level_rates) {
      const problem = checkRates(what, campaign.level_rates, settings)
      if (problem) return problem
    }
    if (campaign.multiplier !== null && campaign.multiplier !== undefined) {
      const m = MathBN.convert(String(campaign.multiplier))
      if (!m.isFinite() || m.lte(0)) return `${what}: the multiplier must be above 0`
      const sets = campaign.level_rates ? [{ what: "its own rates", values: campaign.level_rates }] : rateSets
      for (const set of sets) {
        const boosted = MathBN.mult(paidSum(set.values, settings), m)
        if (boosted.gt(settings.max_total_rate)) {
          return `${what} multiplies ${set.what} to ${boosted.toString()} over the levels, above max_total_rate ${settings.max_total_rate}`
        }
      }
    }
  }
  return null
}
