import { Context, DAL, InferEntityType, ModulesSdkTypes } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext } from "@medusajs/framework/utils"
import { Distributor, Grade, GradeChange } from "../models"
import { GradeConditions, GradeMetrics, gradeEarned } from "../calculations"
import { HARD_MAX_LEVELS } from "../settings"
import { notFound } from "../errors"
import { sqlOf } from "../db"

type Deps = {
  baseRepository: DAL.RepositoryService
  distributorService: ModulesSdkTypes.IMedusaInternalService<typeof Distributor>
  gradeService: ModulesSdkTypes.IMedusaInternalService<typeof Grade>
  gradeChangeService: ModulesSdkTypes.IMedusaInternalService<typeof GradeChange>
}

/** A grade change just made: enough to move the customer between groups, emit, or undo it. */
export type AppliedGradeChange = {
  change_id: string
  distributor_id: string
  customer_id: string
  from_grade_id: string | null
  to_grade_id: string | null
  from_customer_group_id: string | null
  to_customer_group_id: string | null
  upgraded: boolean
}

type GradeRow = InferEntityType<typeof Grade>

/**
 * Grades over time: the metrics a grade's conditions read, automatic upgrades (only ever up,
 * never a silent downgrade) and an admin's hand, each recorded as a grade change. Every change
 * locks the distributor's row, so an upgrade job on two workers and a settlement can't each
 * record the same move.
 */
export class GradeProgressService {
  protected readonly baseRepository_: DAL.RepositoryService
  protected readonly distributors_: Deps["distributorService"]
  protected readonly grades_: Deps["gradeService"]
  protected readonly changes_: Deps["gradeChangeService"]

  constructor({ baseRepository, distributorService, gradeService, gradeChangeService }: Deps) {
    this.baseRepository_ = baseRepository
    this.distributors_ = distributorService
    this.grades_ = gradeService
    this.changes_ = gradeChangeService
  }

  /** Own and team settled sales, direct referrals who bought (and kept it), team size: one aggregate each. */
  @InjectManager()
  async gradeMetrics(ids: string[], @MedusaContext() sharedContext: Context = {}): Promise<Map<string, GradeMetrics>> {
    const metrics = new Map<string, GradeMetrics>(ids.map((id) => [id, { own_sales: "0", team_sales: "0", direct_buyers: 0, team_size: 0 }]))
    if (!ids.length) return metrics
    const sql = await sqlOf(sharedContext)
    const [own, team, buyers, size] = await Promise.all([
      sql.raw(
        `SELECT distributor_id AS id, COALESCE(SUM(base_amount), 0)::text AS value FROM distribution_commission
          WHERE distributor_id = ANY(?) AND level = 1 AND status = 'settled' AND deleted_at IS NULL GROUP BY distributor_id`,
        [ids]
      ),
      sql.raw(
        `SELECT p.ancestor_id AS id, COALESCE(SUM(c.base_amount), 0)::text AS value
           FROM distribution_team_path p
           JOIN distribution_commission c ON c.distributor_id = p.descendant_id AND c.level = 1 AND c.status = 'settled' AND c.deleted_at IS NULL
          WHERE p.ancestor_id = ANY(?) AND p.depth BETWEEN 1 AND ? AND p.deleted_at IS NULL GROUP BY p.ancestor_id`,
        [ids, HARD_MAX_LEVELS]
      ),
      sql.raw(
        `SELECT c.distributor_id AS id, COUNT(DISTINCT a.customer_id)::int AS value
           FROM distribution_commission c
           JOIN distribution_order_attribution a ON a.order_id = c.order_id AND a.deleted_at IS NULL
          WHERE c.distributor_id = ANY(?) AND c.level = 1 AND c.status = 'settled' AND c.deleted_at IS NULL
            -- a settled order refunded in full later keeps its status, with nothing kept: not a buyer
            AND c.base_amount > 0 AND a.customer_id IS NOT NULL AND a.source <> 'self'
          GROUP BY c.distributor_id`,
        [ids]
      ),
      sql.raw(
        `SELECT ancestor_id AS id, COUNT(*)::int AS value FROM distribution_team_path
          WHERE ancestor_id = ANY(?) AND depth BETWEEN 1 AND ? AND deleted_at IS NULL GROUP BY ancestor_id`,
        [ids, HARD_MAX_LEVELS]
      ),
    ])
    const put = (rows: { id: string; value: string | number }[], key: keyof GradeMetrics) => {
      for (const row of rows) (metrics.get(row.id) as Record<string, unknown>)[key] = row.value
    }
    put(own.rows, "own_sales")
    put(team.rows, "team_sales")
    put(buyers.rows, "direct_buyers")
    put(size.rows, "team_size")
    return metrics
  }

  /** Moves each active distributor up to the highest grade their metrics earn; answers the moves made. */
  @InjectTransactionManager()
  async upgradeGrades(
    ids: string[],
    withUplines = false,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<AppliedGradeChange[]> {
    const grades = await this.grades_.list({}, {}, sharedContext)
    if (!ids.length || !grades.some((g) => g.conditions)) return []
    const rows = await this.lockDistributors(withUplines ? await this.withUplines(ids, sharedContext) : ids, sharedContext)
    const active = rows.filter((row) => row.status === "active")
    const metrics = await this.gradeMetrics(active.map((row) => row.id), sharedContext)
    const byId = new Map(grades.map((g) => [g.id, g]))
    const candidates = grades.map((g) => ({ id: g.id, rank: g.rank, conditions: g.conditions as GradeConditions | null }))
    const moves: { row: (typeof rows)[number]; to: GradeRow; metrics: GradeMetrics }[] = []
    for (const row of active) {
      const current = row.grade_id ? byId.get(row.grade_id) : undefined
      const earned = gradeEarned(candidates, metrics.get(row.id)!, current ? current.rank : null)
      if (earned) moves.push({ row, to: byId.get(earned.id)!, metrics: metrics.get(row.id)! })
    }
    const applied: AppliedGradeChange[] = []
    for (const move of moves) {
      applied.push(await this.record(move.row, move.to, byId, { source: "auto", metrics: move.metrics }, sharedContext))
    }
    return applied
  }

  /** An admin sets a grade (or none) by hand, up or down; recorded with who and why. Null when nothing changes. */
  @InjectTransactionManager()
  async setGrade(
    input: { distributor_id: string; grade_id: string | null; actor_id: string | null; reason?: string | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<AppliedGradeChange | null> {
    const [row] = await this.lockDistributors([input.distributor_id], sharedContext)
    if (!row) throw notFound(`Distributor ${input.distributor_id} was not found`)
    const grades = await this.grades_.list({}, {}, sharedContext)
    const byId = new Map(grades.map((g) => [g.id, g]))
    const to = input.grade_id ? byId.get(input.grade_id) : null
    if (input.grade_id && !to) throw notFound(`Grade ${input.grade_id} was not found`)
    if ((row.grade_id ?? null) === (input.grade_id ?? null)) return null
    return this.record(row, to ?? null, byId, { source: "admin", actor_id: input.actor_id, reason: input.reason ?? null }, sharedContext)
  }

  /** Undoes grade changes made a moment ago (a workflow's compensation). */
  @InjectTransactionManager()
  async revertGradeChanges(changes: AppliedGradeChange[], @MedusaContext() sharedContext: Context = {}): Promise<void> {
    if (!changes.length) return
    await this.distributors_.update(
      changes.map((c) => ({ id: c.distributor_id, grade_id: c.from_grade_id })),
      sharedContext
    )
    await this.changes_.softDelete(changes.map((c) => c.change_id), sharedContext)
  }

  @InjectManager()
  async gradeHistory(distributorId: string, @MedusaContext() sharedContext: Context = {}) {
    return this.changes_.list({ distributor_id: distributorId }, { order: { created_at: "DESC" }, take: 50 }, sharedContext)
  }

  /** The ids and their uplines (levels 1–3), whose team sales grow with theirs. */
  protected async withUplines(ids: string[], sharedContext: Context): Promise<string[]> {
    const sql = await sqlOf(sharedContext)
    const { rows } = await sql.raw(
      `SELECT DISTINCT ancestor_id AS id FROM distribution_team_path
        WHERE descendant_id = ANY(?) AND depth BETWEEN 1 AND ? AND deleted_at IS NULL`,
      [ids, HARD_MAX_LEVELS]
    )
    return [...new Set([...ids, ...rows.map((r: { id: string }) => r.id)])]
  }

  protected async lockDistributors(ids: string[], sharedContext: Context) {
    const sql = await sqlOf(sharedContext)
    // Sorted, so two transactions locking overlapping sets take the rows in one order (no deadlock).
    const rows: { id: string; customer_id: string; status: string; grade_id: string | null }[] = await sql("distribution_distributor")
      .select("id", "customer_id", "status", "grade_id")
      .whereIn("id", [...new Set(ids)].sort())
      .whereNull("deleted_at")
      .orderBy("id")
      .forUpdate()
    return rows
  }

  protected async record(
    row: { id: string; customer_id: string; grade_id: string | null },
    to: GradeRow | null,
    byId: Map<string, GradeRow>,
    how: { source: "auto" | "admin"; metrics?: GradeMetrics; actor_id?: string | null; reason?: string | null },
    sharedContext: Context
  ): Promise<AppliedGradeChange> {
    const from = row.grade_id ? byId.get(row.grade_id) ?? null : null
    await this.distributors_.update({ id: row.id, grade_id: to?.id ?? null }, sharedContext)
    const change = await this.changes_.create(
      {
        distributor_id: row.id,
        from_grade_id: row.grade_id,
        to_grade_id: to?.id ?? null,
        source: how.source,
        actor_id: how.actor_id ?? null,
        reason: how.reason ?? null,
        metrics: (how.metrics as unknown as Record<string, unknown>) ?? null,
      },
      sharedContext
    )
    return {
      change_id: change.id,
      distributor_id: row.id,
      customer_id: row.customer_id,
      from_grade_id: row.grade_id,
      to_grade_id: to?.id ?? null,
      from_customer_group_id: from?.customer_group_id ?? null,
      to_customer_group_id: to?.customer_group_id ?? null,
      upgraded: (to?.rank ?? -1) > (from?.rank ?? -1),
    }
  }
}
