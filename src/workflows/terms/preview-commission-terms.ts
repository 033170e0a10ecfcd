import { MedusaContainer } from "@medusajs/framework/types"
import DistributionModuleService from "../../modules/distribution/service"
import { MathBN } from "@medusajs/framework/utils"
import {
  CalculatedCommission,
  CampaignDefinition,
  commissionsUnder,
  OrderSyncState,
  PreviewTotals,
  RuleDefinition,
  TermSet,
  totalsOf,
} from "../../modules/distribution/calculations"
import { loadOrderSyncState, readProductFacts } from "../commission/steps/load-order-sync-state"
import { AdminPreviewTermsType } from "../../api/admin/distribution/terms/validators"

/** A preview reads every order of its range; past this many it answers on the first ones and says so. */
export const MAX_PREVIEW_ORDERS = 2000
const DAY_MS = 24 * 60 * 60 * 1000

export type TermsPreview = {
  orders_considered: number
  truncated: boolean
  current: PreviewTotals[]
  draft: PreviewTotals[]
}

/**
 * What-if: the attributed orders placed in the range, computed as they stand now under the
 * terms in force and under the draft (rules, campaigns, and grade rates by grade id), same
 * chain and kept goods. Only reads; nothing is written.
 */
export async function previewCommissionTerms(
  container: MedusaContainer,
  service: DistributionModuleService,
  query: { graph: (q: object) => Promise<{ data: unknown[] }> },
  input: AdminPreviewTermsType
): Promise<TermsPreview> {
  const from = new Date(input.from)
  const until = new Date(new Date(input.to).getTime() + DAY_MS)
  const attributions = await service.listOrderAttributions(
    { created_at: { $gte: from, $lt: until }, distributor_id: { $ne: null } },
    { select: ["order_id"], order: { created_at: "ASC" }, take: MAX_PREVIEW_ORDERS + 1 }
  )
  const truncated = attributions.length > MAX_PREVIEW_ORDERS
  const states: OrderSyncState[] = []
  for (const a of attributions.slice(0, MAX_PREVIEW_ORDERS)) {
    const state = await loadOrderSyncState(container, a.order_id)
    if (state?.frozen?.terms.length) states.push(state)
  }

  const productIds = new Set<string>()
  for (const s of states) for (const line of s.order.lines) if (line.product_id) productIds.add(line.product_id)
  const products = await readProductFacts(query, [...productIds])

  const inForce = await service.listTermsInForce(from)
  const current: TermSet = { rules: inForce.rules, campaigns: inForce.campaigns }
  const draft: TermSet = {
    rules: input.rules.map(
      (r, i): RuleDefinition => ({
        id: `draft-${i + 1}`,
        scope: r.scope,
        scope_id: r.scope_id,
        kind: r.kind,
        level_values: r.level_values.map(String),
        currency_code: r.currency_code ?? null,
        priority: r.priority,
        // The order given is the age order: the first rule is the "older" one on a tie.
        created_at: new Date(i * 1000),
      })
    ),
    campaigns: (input.campaigns ?? []).map(
      (c, i): CampaignDefinition => ({
        id: `draft-campaign-${i + 1}`,
        starts_at: c.starts_at,
        ends_at: c.ends_at,
        scope: c.scope,
        scope_ids: c.scope_ids ?? null,
        multiplier: c.multiplier != null ? String(c.multiplier) : null,
        level_rates: c.level_rates ? c.level_rates.map(String) : null,
      })
    ),
    grade_rates: await draftGradeRates(service, states.flatMap((s) => s.frozen!.terms.map((t) => t.distributor_id)), input.grades ?? []),
  }

  const underCurrent = states.map((s) => ({ state: s, commissions: commissionsUnder(s, products, current) }))
  const gmvOf = (commissions: CalculatedCommission[]) => MathBN.max(0, ...commissions.map((c) => c.base)).toString()
  return {
    orders_considered: states.length,
    truncated,
    current: totalsOf(underCurrent.map(({ state, commissions }) => ({ currency_code: state.order.currency_code, gmv: gmvOf(commissions), commissions }))),
    draft: totalsOf(
      underCurrent.map(({ state, commissions }) => ({
        currency_code: state.order.currency_code,
        gmv: gmvOf(commissions),
        commissions: commissionsUnder(state, products, draft),
      }))
    ),
  }
}

/** Draft grade rates, for the distributors who hold those grades now. */
async function draftGradeRates(
  service: DistributionModuleService,
  distributorIds: string[],
  grades: { id: string; level_rates: number[] }[]
): Promise<Record<string, string[]>> {
  if (!grades.length || !distributorIds.length) return {}
  const byGrade = new Map(grades.map((g) => [g.id, g.level_rates.map(String)]))
  const holders = await service.listDistributors({ id: [...new Set(distributorIds)], grade_id: [...byGrade.keys()] }, { select: ["id", "grade_id"] })
  return Object.fromEntries(holders.map((d) => [d.id, byGrade.get(d.grade_id!)!]))
}
