import { Context, DAL, ModulesSdkTypes } from "@medusajs/framework/types"
import { InjectManager, MathBN, MedusaContext } from "@medusajs/framework/utils"
import { CommissionCampaign, CommissionRule, Grade, SalesTier } from "../models"
import { CampaignDefinition, LevelRates, RuleDefinition } from "../calculations"
import { sqlOf } from "../db"

type Deps = {
  baseRepository: DAL.RepositoryService
  gradeService: ModulesSdkTypes.IMedusaInternalService<typeof Grade>
  commissionRuleService: ModulesSdkTypes.IMedusaInternalService<typeof CommissionRule>
  commissionCampaignService: ModulesSdkTypes.IMedusaInternalService<typeof CommissionCampaign>
  salesTierService: ModulesSdkTypes.IMedusaInternalService<typeof SalesTier>
}

/** The commission terms in force: grades, product rules, campaigns and sales tiers, as the engine reads them. */
export class CommissionTermsService {
  protected readonly baseRepository_: DAL.RepositoryService
  protected readonly grades_: Deps["gradeService"]
  protected readonly rules_: Deps["commissionRuleService"]
  protected readonly campaigns_: Deps["commissionCampaignService"]
  protected readonly tiers_: Deps["salesTierService"]

  constructor({ baseRepository, gradeService, commissionRuleService, commissionCampaignService, salesTierService }: Deps) {
    this.baseRepository_ = baseRepository
    this.grades_ = gradeService
    this.rules_ = commissionRuleService
    this.campaigns_ = commissionCampaignService
    this.tiers_ = salesTierService
  }

  /** Every product rule, and the campaigns that have not ended by `since`. */
  @InjectManager()
  async listTermsInForce(
    since: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ rules: RuleDefinition[]; campaigns: CampaignDefinition[] }> {
    const [rules, campaigns] = await Promise.all([
      this.rules_.list({}, { order: { created_at: "ASC" } }, sharedContext),
      this.campaigns_.list({ ends_at: { $gt: since } }, {}, sharedContext),
    ])
    return {
      rules: rules.map((r) => ({
        id: r.id,
        scope: r.scope,
        scope_id: r.scope_id,
        kind: r.kind,
        level_values: ((r.level_values ?? []) as unknown as (string | number)[]).map(String),
        currency_code: r.currency_code,
        priority: r.priority,
        created_at: r.created_at,
      })),
      campaigns: campaigns.map((c) => ({
        id: c.id,
        starts_at: c.starts_at,
        ends_at: c.ends_at,
        scope: c.scope,
        scope_ids: (c.scope_ids as unknown as string[] | null) ?? null,
        multiplier: c.multiplier,
        level_rates: c.level_rates ? (c.level_rates as unknown as (string | number)[]).map(String) : null,
      })),
    }
  }

  @InjectManager()
  async listGradeRates(ids: string[], @MedusaContext() sharedContext: Context = {}): Promise<Record<string, LevelRates>> {
    if (!ids.length) return {}
    const grades = await this.grades_.list({ id: ids }, { select: ["id", "level_rates"] }, sharedContext)
    return Object.fromEntries(grades.map((g) => [g.id, { id: g.id, level_rates: g.level_rates as unknown as string[] }]))
  }

  /**
   * The best sales tier each distributor has reached in `at`'s calendar month (UTC), in this
   * currency: their kept sales are the bases of their level-1 commissions of the month, as
   * those stand now (refunds and returns taken off).
   */
  @InjectManager()
  async listTiersReached(
    distributorIds: string[],
    currencyCode: string,
    at: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Record<string, LevelRates>> {
    const currency = currencyCode.toLowerCase()
    const tiers = await this.tiers_.list({ currency_code: currency }, {}, sharedContext)
    if (!tiers.length || !distributorIds.length) return {}
    const monthStart = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1))
    const sql = await sqlOf(sharedContext)
    const rows: { distributor_id: string; sales: string }[] = await sql("distribution_commission")
      .select("distributor_id")
      .sum({ sales: "base_amount" })
      .whereIn("distributor_id", distributorIds)
      .where({ level: 1, currency_code: currency, deleted_at: null })
      .whereNot("status", "canceled")
      .andWhere("created_at", ">=", monthStart)
      .andWhere("created_at", "<", at)
      .groupBy("distributor_id")
    // The stored exact value, not the float the entity also exposes.
    const minSales = (t: (typeof tiers)[number]) => MathBN.convert((t.raw_min_sales as { value?: string } | null)?.value ?? String(t.min_sales))
    const byMinSales = [...tiers].sort((a, b) => minSales(b).comparedTo(minSales(a)) as number)
    const reached: Record<string, LevelRates> = {}
    for (const row of rows) {
      const tier = byMinSales.find((t) => MathBN.gte(row.sales ?? 0, minSales(t)))
      if (tier) reached[row.distributor_id] = { id: tier.id, level_rates: tier.level_rates as unknown as string[] }
    }
    return reached
  }
}
