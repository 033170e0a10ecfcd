import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"
import { invalid, notAllowed, notFound } from "../../../modules/distribution/errors"
import { TermsForGuard, whyTermsRefused } from "../../../modules/distribution/term-guards"
import { TermsEntity } from "../../../modules/distribution/terms-entities"

export type CommissionTermsChange = {
  entity: TermsEntity
  action: "create" | "update" | "delete"
  id?: string
  data?: Record<string, unknown>
}

const asRates = (v: unknown) => ((v ?? []) as (string | number)[]).map(String)

/**
 * Checks a change to grades, rules, campaigns or sales tiers against the compliance guards,
 * on the terms as they would be after it: a change that would pay more than 3 levels, or more
 * than `max_total_rate` over the levels of a line, is refused with a message that names it.
 */
export const validateCommissionTermsStepId = "validate-commission-terms"
export const validateCommissionTermsStep = createStep(validateCommissionTermsStepId, async (change: CommissionTermsChange, { container }) => {
  const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
  const settings = await service.getSettings()
  const [grades, rules, campaigns, tiers] = await Promise.all([
    service.listGrades({}),
    service.listCommissionRules({}),
    service.listCommissionCampaigns({}),
    service.listSalesTiers({}),
  ])
  const current: Record<TermsEntity, { id: string }[]> = { grade: grades, rule: rules, campaign: campaigns, tier: tiers }
  const existing = change.id ? current[change.entity].find((t) => t.id === change.id) : undefined
  if (change.action !== "create" && !existing) throw notFound(`No ${change.entity} has the id ${change.id}`)

  if (change.entity === "grade" && change.action === "delete") {
    const [, members] = await service.listAndCountDistributors({ grade_id: change.id }, { take: 1 })
    if (members) throw notAllowed(`Grade ${change.id} has ${members} distributor(s): give them another grade first`)
  }
  if (change.entity === "grade" && change.data?.rank !== undefined) {
    const taken = grades.find((g) => g.rank === change.data!.rank && g.id !== change.id)
    if (taken) throw invalid(`Grade "${taken.name}" already has rank ${change.data.rank}: ranks order the grades, one grade per rank`)
  }

  const after = (entity: TermsEntity) => {
    const rows: Record<string, unknown>[] = current[entity].map((row) => ({ ...row }))
    if (entity !== change.entity) return rows
    if (change.action === "delete") return rows.filter((r) => r.id !== change.id)
    if (change.action === "update") return rows.map((r) => (r.id === change.id ? { ...r, ...change.data } : r))
    return [...rows, { ...change.data }]
  }
  const terms: TermsForGuard = {
    grades: after("grade").map((g) => ({ id: g.id as string, name: g.name as string, level_rates: asRates(g.level_rates) })),
    tiers: after("tier").map((t) => ({ id: t.id as string, name: t.name as string, level_rates: asRates(t.level_rates) })),
    rules: after("rule").map((r) => ({
      id: r.id as string,
      name: (r.name as string) ?? null,
      scope: r.scope as string,
      scope_id: r.scope_id as string,
      kind: r.kind as string,
      level_values: asRates(r.level_values),
    })),
    campaigns: after("campaign").map((c) => ({
      id: c.id as string,
      name: c.name as string,
      multiplier: (c.multiplier as string) ?? null,
      level_rates: c.level_rates ? asRates(c.level_rates) : null,
    })),
  }
  const refused = whyTermsRefused(terms, settings)
  if (refused) throw invalid(refused)
  return new StepResponse(change)
})
