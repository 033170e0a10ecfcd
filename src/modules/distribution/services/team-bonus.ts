import { Context, DAL, InferEntityType, ModulesSdkTypes } from "@medusajs/framework/types"
import { InjectTransactionManager, MathBN, MedusaContext } from "@medusajs/framework/utils"
import { LedgerEntry, TeamBonusPayout, TeamBonusPlan } from "../models"
import { asAmount, currencyPrecision, roundHalfUp } from "../calculations"
import { HARD_MAX_LEVELS } from "../settings"
import { notFound } from "../errors"
import { sqlOf } from "../db"

type Deps = {
  baseRepository: DAL.RepositoryService
  teamBonusPlanService: ModulesSdkTypes.IMedusaInternalService<typeof TeamBonusPlan>
  teamBonusPayoutService: ModulesSdkTypes.IMedusaInternalService<typeof TeamBonusPayout>
  ledgerEntryService: ModulesSdkTypes.IMedusaInternalService<typeof LedgerEntry>
}

export type TeamBonusPayoutRow = InferEntityType<typeof TeamBonusPayout>

/** A month as [start, end) in UTC, from "YYYY-MM". */
export function monthRange(period: string): { start: Date; end: Date } {
  const [year, month] = period.split("-").map(Number)
  return { start: new Date(Date.UTC(year, month - 1, 1)), end: new Date(Date.UTC(year, month, 1)) }
}

/**
 * Pays a team bonus plan for one closed month: every active distributor whose grade ranks at
 * least the plan's earns `rate` × their team's kept, settled sales of the month (levels 1–3,
 * the goods value of their members' settled level-1 commissions), per currency, rounded once,
 * credited to the wallet. One advisory lock per plan and month makes a second worker wait and
 * then find the month paid; the payout's unique key and the ledger's `(type, reference_id)`
 * make a replay pay nothing.
 */
export class TeamBonusService {
  protected readonly baseRepository_: DAL.RepositoryService
  protected readonly plans_: Deps["teamBonusPlanService"]
  protected readonly payouts_: Deps["teamBonusPayoutService"]
  protected readonly ledger_: Deps["ledgerEntryService"]

  constructor({ baseRepository, teamBonusPlanService, teamBonusPayoutService, ledgerEntryService }: Deps) {
    this.baseRepository_ = baseRepository
    this.plans_ = teamBonusPlanService
    this.payouts_ = teamBonusPayoutService
    this.ledger_ = ledgerEntryService
  }

  @InjectTransactionManager()
  async payTeamBonus(planId: string, period: string, @MedusaContext() sharedContext: Context = {}): Promise<TeamBonusPayoutRow[]> {
    const [plan] = await this.plans_.list({ id: planId }, { take: 1 }, sharedContext)
    if (!plan) throw notFound(`Team bonus plan ${planId} was not found`)
    if (!plan.active) return []
    const sql = await sqlOf(sharedContext)
    await sql.raw("SELECT pg_advisory_xact_lock(hashtext(?))", [`distribution-team-bonus:${plan.id}:${period}`])

    const { start, end } = monthRange(period)
    const { rows } = await sql.raw(
      `SELECT p.ancestor_id AS distributor_id, c.currency_code, SUM(c.base_amount)::text AS team_sales
         FROM distribution_distributor d
         JOIN distribution_grade g ON g.id = d.grade_id AND g.deleted_at IS NULL
         JOIN distribution_team_path p ON p.ancestor_id = d.id AND p.depth BETWEEN 1 AND ? AND p.deleted_at IS NULL
         JOIN distribution_commission c ON c.distributor_id = p.descendant_id AND c.level = 1 AND c.status = 'settled'
              AND c.settled_at >= ? AND c.settled_at < ? AND c.deleted_at IS NULL
        WHERE d.status = 'active' AND d.deleted_at IS NULL
          AND g.rank >= (SELECT rank FROM distribution_grade WHERE id = ? AND deleted_at IS NULL)
        GROUP BY p.ancestor_id, c.currency_code
        ORDER BY p.ancestor_id, c.currency_code`,
      [HARD_MAX_LEVELS, start, end, plan.grade_id]
    )
    const paid = await this.payouts_.list({ plan_id: plan.id, period }, { select: ["distributor_id", "currency_code"] }, sharedContext)
    const done = new Set(paid.map((p) => `${p.distributor_id}:${p.currency_code}`))

    const created: TeamBonusPayoutRow[] = []
    for (const row of rows as { distributor_id: string; currency_code: string; team_sales: string }[]) {
      if (done.has(`${row.distributor_id}:${row.currency_code}`)) continue
      const amount = roundHalfUp(MathBN.mult(row.team_sales, plan.rate), currencyPrecision(row.currency_code))
      if (!amount.gt(0)) continue
      const payout = await this.payouts_.create(
        {
          plan_id: plan.id,
          period,
          distributor_id: row.distributor_id,
          currency_code: row.currency_code,
          team_sales: asAmount(row.team_sales),
          rate: plan.rate,
          amount: asAmount(amount),
        },
        sharedContext
      )
      await this.ledger_.create(
        {
          distributor_id: row.distributor_id,
          currency_code: row.currency_code,
          amount: asAmount(amount),
          type: "team_bonus" as const,
          reference_id: payout.id,
          note: `Team bonus ${plan.name} for ${period}: ${plan.rate} × ${row.team_sales}`,
        },
        sharedContext
      )
      created.push(payout)
    }
    return created
  }

  /** Takes back payouts made a moment ago, with their ledger credits (a workflow's compensation). */
  @InjectTransactionManager()
  async undoTeamBonusPayouts(ids: string[], @MedusaContext() sharedContext: Context = {}): Promise<void> {
    if (!ids.length) return
    const entries = await this.ledger_.list({ type: "team_bonus", reference_id: ids }, { select: ["id"] }, sharedContext)
    if (entries.length) await this.ledger_.delete(entries.map((e) => e.id), sharedContext)
    await this.payouts_.delete(ids, sharedContext)
  }
}
