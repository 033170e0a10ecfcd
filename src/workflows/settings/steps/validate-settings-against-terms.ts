import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"
import { invalid } from "../../../modules/distribution/errors"
import { whyTermsRefused } from "../../../modules/distribution/term-guards"
import { DistributionSettingsPatch } from "../../../modules/distribution/settings"

const asRates = (v: unknown) => ((v ?? []) as (string | number)[]).map(String)

/**
 * A settings change may not pull the ground from under the grades, rules, campaigns and tiers
 * already saved: lowering `max_total_rate` below what a grade pays is refused, naming it.
 */
export const validateSettingsAgainstTermsStepId = "validate-settings-against-terms"
export const validateSettingsAgainstTermsStep = createStep(
  validateSettingsAgainstTermsStepId,
  async (patch: DistributionSettingsPatch, { container }) => {
    if (!("max_total_rate" in patch) && !("max_levels" in patch) && !("level_rates" in patch)) return new StepResponse(undefined)
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const next = { ...(await service.getSettings()), ...patch }
    const [grades, rules, campaigns, tiers] = await Promise.all([
      service.listGrades(),
      service.listCommissionRules(),
      service.listCommissionCampaigns({ ends_at: { $gt: new Date() } }),
      service.listSalesTiers(),
    ])
    const refused = whyTermsRefused(
      {
        grades: grades.map((g) => ({ id: g.id, name: g.name, level_rates: asRates(g.level_rates) })),
        tiers: tiers.map((t) => ({ id: t.id, name: t.name, level_rates: asRates(t.level_rates) })),
        rules: rules.map((r) => ({ id: r.id, name: r.name, scope: r.scope, scope_id: r.scope_id, kind: r.kind, level_values: asRates(r.level_values) })),
        campaigns: campaigns.map((c) => ({ id: c.id, name: c.name, multiplier: c.multiplier, level_rates: c.level_rates ? asRates(c.level_rates) : null })),
      },
      { max_levels: next.max_levels, max_total_rate: next.max_total_rate, level_rates: next.level_rates }
    )
    if (refused) throw invalid(`This change would break the saved commission terms: ${refused}. Change those first.`)
    return new StepResponse(undefined)
  }
)
