import { Context, InferTypeOf } from "@medusajs/framework/types"
import {
  InjectManager,
  InjectTransactionManager,
  MathBN,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { randomInt } from "crypto"
import {
  Binding,
  CartCode,
  CodeVisit,
  Commission,
  CommissionAdjustment,
  Distributor,
  LedgerEntry,
  OrderAttribution,
  RepurchaseReminder,
  Setting,
  SettingChange,
  ShareLink,
  TeamPath,
  Withdrawal,
} from "./models"
import {
  DEFAULT_SETTINGS,
  DistributionSettings,
  DistributionSettingsPatch,
  HARD_MAX_LEVELS,
  SettingsSchema,
  settingsFromOptions,
} from "./settings"
import { asAmount, asJson, CalculatedCommission } from "./calculations"
import {
  ApplyCommissionsResult,
  CurrencyBalance,
  SettledCommission,
  ValidatedWithdrawal,
} from "../../types"
import type { CartCodeRow, RecordCartCodeInput, RecordVisitInput, ShareTrackingService } from "./services/share-tracking"
import type { ConversionRange, ConversionStats, ConversionStatsService, LinkFunnel } from "./services/conversion-stats"
import type {
  ClaimedRepurchaseReminder,
  RepurchaseReminderClaim,
  RepurchaseClaimsService,
} from "./services/repurchase-claims"

const SETTINGS_KEY = "global"
// No 0/O/1/I/L: codes are read aloud and typed from screenshots.
const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
const CODE_LENGTH = 8

type CommissionRow = {
  id: string
  level: number
  status: string
  distributor_id: string
  amount: string
  accrued_amount: string
}

class DistributionModuleService extends MedusaService({
  Binding,
  CartCode,
  CodeVisit,
  Commission,
  CommissionAdjustment,
  Distributor,
  LedgerEntry,
  OrderAttribution,
  RepurchaseReminder,
  Setting,
  SettingChange,
  ShareLink,
  TeamPath,
  Withdrawal,
}) {
  protected readonly optionDefaults_: DistributionSettingsPatch

  constructor(container: Record<string, unknown>, options: Record<string, unknown> = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.optionDefaults_ = settingsFromOptions(options)
  }

  protected knex_(sharedContext: Context) {
    const manager = (sharedContext.transactionManager ?? sharedContext.manager) as SqlEntityManager
    return manager.getTransactionContext() ?? manager.getKnex()
  }

  /** A short, unguessable share code. Uniqueness is enforced by the index; callers retry. */
  generateCode(length = CODE_LENGTH): string {
    let code = ""
    for (let i = 0; i < length; i++) {
      code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]
    }
    return code
  }

  /**
   * A share code names a distributor, either as its own code or as one of its
   * per-product codes. Codes are matched case-insensitively: people type them.
   */
  @InjectManager()
  async resolveCode(
    code: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ distributor: InferTypeOf<typeof Distributor>; product_id: string | null } | null> {
    const normalized = code.trim().toUpperCase()
    if (!normalized) return null
    const [distributor] = await this.listDistributors({ code: normalized }, { take: 1 }, sharedContext)
    if (distributor) return { distributor, product_id: null }
    const [link] = await this.listShareLinks({ code: normalized }, { take: 1 }, sharedContext)
    if (!link) return null
    return { distributor: await this.retrieveDistributor(link.distributor_id, {}, sharedContext), product_id: link.product_id }
  }

  /* Settings: defaults < plugin options < run-time changes stored here. */

  @InjectManager()
  async getSettings(@MedusaContext() sharedContext: Context = {}): Promise<DistributionSettings> {
    const [stored] = await this.listSettings({ key: SETTINGS_KEY }, { take: 1 }, sharedContext)
    return SettingsSchema.parse({
      ...DEFAULT_SETTINGS,
      ...this.optionDefaults_,
      ...((stored?.values as DistributionSettingsPatch) ?? {}),
    })
  }

  @InjectTransactionManager()
  async changeSettings(
    patch: DistributionSettingsPatch,
    actorId: string | null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ settings: DistributionSettings; changes: Record<string, { from: unknown; to: unknown }> }> {
    const current = await this.getSettings(sharedContext)
    const result = SettingsSchema.safeParse({ ...current, ...patch })
    if (!result.success) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "))
    }
    const next = result.data
    const changes: Record<string, { from: unknown; to: unknown }> = {}
    for (const key of Object.keys(patch) as (keyof DistributionSettings)[]) {
      if (JSON.stringify(current[key]) !== JSON.stringify(next[key])) {
        changes[key] = { from: current[key], to: next[key] }
      }
    }
    if (!Object.keys(changes).length) {
      return { settings: next, changes }
    }

    const [stored] = await this.listSettings({ key: SETTINGS_KEY }, { take: 1 }, sharedContext)
    const values = { ...((stored?.values as object) ?? {}), ...Object.fromEntries(Object.entries(changes).map(([k, c]) => [k, c.to])) }
    if (stored) {
      await this.updateSettings({ id: stored.id, values }, sharedContext)
    } else {
      await this.createSettings({ key: SETTINGS_KEY, values }, sharedContext)
    }
    await this.createSettingChanges({ changes, actor_id: actorId }, sharedContext)
    return { settings: next, changes }
  }

  /* Team tree: closure rows for depths 1..HARD_MAX_LEVELS. */

  /** Ancestors nearest first, at most HARD_MAX_LEVELS deep: one indexed query. */
  @InjectManager()
  async listUplineIds(distributorId: string, @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    const rows = await this.knex_(sharedContext)("distribution_team_path")
      .select("ancestor_id")
      .where({ descendant_id: distributorId, deleted_at: null })
      .orderBy("depth", "asc")
    return rows.map((r: { ancestor_id: string }) => r.ancestor_id)
  }

  @InjectManager()
  async countTeam(distributorId: string, @MedusaContext() sharedContext: Context = {}): Promise<Record<string, number>> {
    const rows = await this.knex_(sharedContext)("distribution_team_path")
      .select("depth")
      .count("* as count")
      .where({ ancestor_id: distributorId, deleted_at: null })
      .groupBy("depth")
    const counts: Record<string, number> = {}
    for (let depth = 1; depth <= HARD_MAX_LEVELS; depth++) counts[String(depth)] = 0
    for (const row of rows as { depth: number; count: string }[]) counts[String(row.depth)] = Number(row.count)
    return counts
  }

  /**
   * Moves a distributor (and its team) under a new parent, keeping the closure rows
   * true. Refuses self-parenting and cycles at any depth: the closure only reaches 3
   * levels, so the check walks `parent_id` all the way up instead.
   */
  @InjectTransactionManager()
  async setParent(distributorId: string, parentId: string | null, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    const knex = this.knex_(sharedContext)
    // One tree change at a time: two concurrent moves (A under B, B under A) would each
    // pass the cycle check on their own and together make a cycle.
    await knex.raw("SELECT pg_advisory_xact_lock(hashtext('distribution:team_tree'))")
    if (parentId === distributorId) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Distributor ${distributorId} cannot be its own parent`)
    }
    if (parentId) {
      const { rows } = await knex.raw(
        `WITH RECURSIVE up AS (
           SELECT id, parent_id, 0 AS hops FROM distribution_distributor WHERE id = ? AND deleted_at IS NULL
           UNION ALL
           SELECT d.id, d.parent_id, up.hops + 1 FROM distribution_distributor d JOIN up ON d.id = up.parent_id
           WHERE d.deleted_at IS NULL AND up.hops < 10000
         ) SELECT id FROM up`,
        [parentId]
      )
      if (!rows.length) {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, `Distributor ${parentId} was not found`)
      }
      if (rows.some((r: { id: string }) => r.id === distributorId)) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Distributor ${parentId} is in the team of ${distributorId}: making it the parent would create a cycle`
        )
      }
    }

    const subtree = await knex("distribution_team_path")
      .select("descendant_id", "depth")
      .where({ ancestor_id: distributorId, deleted_at: null })
    const moved = [{ id: distributorId, depth: 0 }, ...subtree.map((r: { descendant_id: string; depth: number }) => ({ id: r.descendant_id, depth: r.depth }))]
    const movedIds = moved.map((m) => m.id)

    await knex("distribution_team_path")
      .whereIn("descendant_id", movedIds)
      .whereNotIn("ancestor_id", movedIds)
      .delete()
    await knex("distribution_distributor").update({ parent_id: parentId, updated_at: new Date() }).where({ id: distributorId })

    if (!parentId) return
    const newAncestors = [parentId, ...(await this.listUplineIds(parentId, sharedContext))]
    const rows: { ancestor_id: string; descendant_id: string; depth: number }[] = []
    newAncestors.forEach((ancestorId, index) => {
      for (const node of moved) {
        const depth = index + 1 + node.depth
        if (depth <= HARD_MAX_LEVELS) rows.push({ ancestor_id: ancestorId, descendant_id: node.id, depth })
      }
    })
    if (rows.length) await this.createTeamPaths(rows, sharedContext)
  }

  /**
   * The chain above (and including) `startId`, nearest first, at most `levels` long,
   * with each member's status: two indexed queries whatever the size of the team.
   */
  @InjectManager()
  async listChain(
    startId: string,
    levels: number,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ level: number; distributor_id: string; status: string }[]> {
    const depth = Math.min(levels, HARD_MAX_LEVELS)
    const ids = [startId, ...(await this.listUplineIds(startId, sharedContext))].slice(0, depth)
    const rows = await this.knex_(sharedContext)("distribution_distributor")
      .select("id", "status")
      .whereIn("id", ids)
      .whereNull("deleted_at")
    const status = new Map<string, string>(rows.map((r: { id: string; status: string }) => [r.id, r.status]))
    return ids.map((id, index) => ({ level: index + 1, distributor_id: id, status: status.get(id) ?? "missing" }))
  }

  /* Money. */

  /**
   * Brings an order's commissions to `expected`, applying only the difference: new
   * levels are created, changed ones get an adjustment with its reason and source,
   * and a change after settlement becomes a ledger entry (a clawback when negative).
   * The attribution row is locked first, so two workers syncing the same order
   * queue up and the second finds nothing left to do.
   */
  @InjectTransactionManager()
  async applyCommissions(
    input: {
      order_id: string
      currency_code: string
      expected: CalculatedCommission[]
      reason: string
      source_id?: string | null
      /** Set once the settlement trigger was reached: commissions are held until then. */
      frozen_until?: Date | null
      /** The trigger is reached by this sync: record it on the attribution. */
      triggered_at?: Date | null
      /** Lines seen for the first time, added to the attribution's frozen values. */
      new_lines?: Record<string, unknown>
    },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ApplyCommissionsResult> {
    const knex = this.knex_(sharedContext)
    const [attribution] = await knex("distribution_order_attribution")
      .select("id", "lines")
      .where({ order_id: input.order_id, deleted_at: null })
      .forUpdate()
    const existing: CommissionRow[] = await knex("distribution_commission")
      .select("id", "level", "status", "distributor_id", "amount", "accrued_amount")
      .where({ order_id: input.order_id, deleted_at: null })
      .forUpdate()

    const result: ApplyCommissionsResult = { created: [], adjusted: [] }
    for (const expected of input.expected) {
      const row = existing.find((r) => r.level === expected.level)
      if (!row) {
        if (!MathBN.gt(expected.amount, 0)) continue
        const created = await this.createCommissions(
          {
            order_id: input.order_id,
            distributor_id: expected.distributor_id,
            level: expected.level,
            currency_code: input.currency_code,
            status: input.frozen_until ? "frozen" : "pending",
            available_at: input.frozen_until ?? null,
            amount: asAmount(expected.amount),
            accrued_amount: asAmount(expected.amount),
            reversed_amount: asAmount(0),
            lines: asJson(expected.lines),
          },
          sharedContext
        )
        result.created.push(created.id)
        continue
      }

      const delta = MathBN.sub(expected.amount, row.amount)
      if (delta.isZero()) continue

      const settled = row.status === "settled"
      const amount = MathBN.convert(expected.amount)
      const adjustment = await this.createCommissionAdjustments(
        {
          commission_id: row.id,
          order_id: input.order_id,
          amount: asAmount(delta),
          reason: input.reason,
          source_id: input.source_id ?? null,
          lines: asJson(expected.lines),
        },
        sharedContext
      )
      await this.updateCommissions(
        {
          id: row.id,
          amount: asAmount(amount),
          reversed_amount: asAmount(MathBN.max(0, MathBN.sub(row.accrued_amount, amount))),
          lines: asJson(expected.lines),
          status: settled
            ? "settled"
            : amount.isZero()
              ? "canceled"
              : row.status === "canceled"
                ? input.frozen_until
                  ? "frozen"
                  : "pending"
                : (row.status as "pending" | "frozen"),
          ...(row.status === "canceled" && input.frozen_until ? { available_at: input.frozen_until } : {}),
        },
        sharedContext
      )
      if (settled) {
        await this.createLedgerEntries(
          {
            distributor_id: row.distributor_id,
            currency_code: input.currency_code,
            amount: asAmount(delta),
            type: delta.isNegative() ? "clawback" : "commission_adjustment",
            reference_id: adjustment.id,
            note: `${input.reason} on order ${input.order_id}`,
          },
          sharedContext
        )
      }
      result.adjusted.push(row.id)
    }

    // In the same transaction as the amounts, so a crash can't leave a reached trigger
    // recorded with commissions still pending. Freezing pending rows is safe to repeat.
    if (attribution && input.new_lines && Object.keys(input.new_lines).length) {
      await knex("distribution_order_attribution")
        .update({ lines: JSON.stringify({ ...(attribution.lines ?? {}), ...input.new_lines }), updated_at: new Date() })
        .where({ id: attribution.id })
    }
    if (attribution && input.triggered_at) {
      await knex("distribution_order_attribution")
        .update({ triggered_at: input.triggered_at, updated_at: new Date() })
        .where({ id: attribution.id })
        .whereNull("triggered_at")
    }
    if (input.frozen_until) {
      await knex("distribution_commission")
        .update({ status: "frozen", available_at: input.frozen_until, updated_at: new Date() })
        .where({ order_id: input.order_id, status: "pending", deleted_at: null })
    }
    return result
  }

  /**
   * Settles one page of matured commissions into the ledger. `SKIP LOCKED` gives two
   * workers disjoint pages; the unique `(type, reference_id)` of the ledger makes a
   * replay harmless.
   */
  @InjectTransactionManager()
  async settleMaturedCommissions(
    { now = new Date(), limit = 200 }: { now?: Date; limit?: number } = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<SettledCommission[]> {
    const knex = this.knex_(sharedContext)
    const due: SettledCommission[] = await knex("distribution_commission")
      .select("id", "distributor_id", "currency_code", "amount", "order_id")
      .where({ status: "frozen", deleted_at: null })
      .andWhere("available_at", "<=", now)
      .orderBy("available_at", "asc")
      .limit(limit)
      .forUpdate()
      .skipLocked()
    if (!due.length) return []

    await knex("distribution_commission")
      .update({ status: "settled", settled_at: now, updated_at: now })
      .whereIn("id", due.map((c) => c.id))
    await this.createLedgerEntries(
      due.map((c) => ({
        distributor_id: c.distributor_id,
        currency_code: c.currency_code,
        amount: asAmount(c.amount),
        type: "settlement" as const,
        reference_id: c.id,
        note: `Commission on order ${c.order_id}`,
      })),
      sharedContext
    )
    return due
  }

  /**
   * Takes a withdrawal out of the wallet: a ledger debit next to the request. A lock per
   * wallet (distributor and currency) makes the balance check and the debit one step, so
   * concurrent requests on several servers can never take the balance below zero.
   */
  @InjectTransactionManager()
  async requestWithdrawal(
    input: ValidatedWithdrawal,
    @MedusaContext() sharedContext: Context = {}
  ) {
    const knex = this.knex_(sharedContext)
    const currency = input.currency_code.toLowerCase()
    await knex.raw("SELECT pg_advisory_xact_lock(hashtext(?))", [`distribution:wallet:${input.distributor_id}:${currency}`])

    const { rows: balanceRows } = await knex.raw(
      `SELECT COALESCE(SUM(amount), 0) AS balance FROM distribution_ledger_entry
        WHERE distributor_id = ? AND currency_code = ? AND deleted_at IS NULL`,
      [input.distributor_id, currency]
    )
    const balance = MathBN.convert(balanceRows[0].balance)
    if (balance.lt(input.amount)) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Insufficient balance: ${balance.toString()} ${currency.toUpperCase()} available, ${input.amount} requested`
      )
    }
    if (input.daily_max !== null) {
      const { rows: todayRows } = await knex.raw(
        `SELECT COALESCE(SUM(amount), 0) AS total FROM distribution_withdrawal
          WHERE distributor_id = ? AND currency_code = ? AND deleted_at IS NULL
            AND status NOT IN ('rejected', 'failed') AND created_at >= date_trunc('day', now())`,
        [input.distributor_id, currency]
      )
      const after = MathBN.add(todayRows[0].total, input.amount)
      if (after.gt(input.daily_max)) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Daily withdrawal limit is ${input.daily_max} ${currency.toUpperCase()}; ${todayRows[0].total} already requested today`
        )
      }
    }

    const withdrawal = await this.createWithdrawals(
      {
        distributor_id: input.distributor_id,
        currency_code: currency,
        amount: asAmount(input.amount),
        fee_amount: asAmount(input.fee_amount),
        net_amount: asAmount(MathBN.sub(input.amount, input.fee_amount)),
        method: input.method as "bank_transfer",
        account: input.account,
        status: "requested",
      },
      sharedContext
    )
    await this.createLedgerEntries(
      {
        distributor_id: input.distributor_id,
        currency_code: currency,
        amount: asAmount(MathBN.mult(input.amount, -1)),
        type: "withdrawal",
        reference_id: withdrawal.id,
        note: `Withdrawal ${withdrawal.id} via ${input.method}`,
      },
      sharedContext
    )
    return withdrawal
  }

  /**
   * Moves a withdrawal along `requested → approved → paid`, or to `rejected`/`failed`
   * (the money goes back to the wallet, once: the reversal is keyed by the withdrawal).
   * The row is locked, so paying twice or paying a rejected request is impossible.
   */
  @InjectTransactionManager()
  async transitionWithdrawal(
    id: string,
    action: "approve" | "reject" | "mark_paid" | "fail",
    data: { reason?: string | null; reference?: string | null } = {},
    @MedusaContext() sharedContext: Context = {}
  ) {
    const knex = this.knex_(sharedContext)
    const [row] = await knex("distribution_withdrawal")
      .select("id", "status", "distributor_id", "currency_code", "amount")
      .where({ id, deleted_at: null })
      .forUpdate()
    if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Withdrawal ${id} was not found`)

    const rules = {
      approve: { from: ["requested"], to: "approved" },
      reject: { from: ["requested", "approved"], to: "rejected" },
      mark_paid: { from: ["approved"], to: "paid" },
      fail: { from: ["requested", "approved"], to: "failed" },
    } as const
    const rule = rules[action]
    if (!(rule.from as readonly string[]).includes(row.status)) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Withdrawal ${id} is ${row.status}: ${action.replace("_", " ")} applies to ${rule.from.join(" or ")} withdrawals`
      )
    }
    const now = new Date()
    const updated = await this.updateWithdrawals(
      {
        id,
        status: rule.to,
        ...(data.reason !== undefined ? { reason: data.reason } : {}),
        ...(data.reference !== undefined ? { reference: data.reference } : {}),
        ...(rule.to === "approved" ? { approved_at: now } : {}),
        ...(rule.to === "paid" ? { paid_at: now } : {}),
        ...(rule.to === "rejected" || rule.to === "failed" ? { rejected_at: now } : {}),
      },
      sharedContext
    )
    if (rule.to === "rejected" || rule.to === "failed") {
      await this.createLedgerEntries(
        {
          distributor_id: row.distributor_id,
          currency_code: row.currency_code,
          amount: asAmount(row.amount),
          type: "withdrawal_reversal",
          reference_id: id,
          note: `Withdrawal ${id} ${rule.to}${data.reason ? `: ${data.reason}` : ""}`,
        },
        sharedContext
      )
    }
    return updated
  }

  /** Per currency: commission not yet withdrawable, the wallet balance, and what was withdrawn. */
  @InjectManager()
  async getBalances(distributorId: string, @MedusaContext() sharedContext: Context = {}): Promise<CurrencyBalance[]> {
    const knex = this.knex_(sharedContext)
    const { rows } = await knex.raw(
      `SELECT currency_code,
              SUM(CASE WHEN kind = 'pending' THEN amount ELSE 0 END) AS pending,
              SUM(CASE WHEN kind = 'frozen' THEN amount ELSE 0 END) AS frozen,
              SUM(CASE WHEN kind = 'ledger' THEN amount ELSE 0 END) AS available,
              SUM(CASE WHEN kind = 'withdrawn' THEN amount ELSE 0 END) AS withdrawn
         FROM (
           SELECT currency_code, status AS kind, amount FROM distribution_commission
            WHERE distributor_id = ? AND status IN ('pending', 'frozen') AND deleted_at IS NULL
           UNION ALL
           SELECT currency_code, 'ledger', amount FROM distribution_ledger_entry
            WHERE distributor_id = ? AND deleted_at IS NULL
           UNION ALL
           SELECT currency_code, 'withdrawn', amount FROM distribution_withdrawal
            WHERE distributor_id = ? AND status = 'paid' AND deleted_at IS NULL
         ) money
        GROUP BY currency_code
        ORDER BY currency_code`,
      [distributorId, distributorId, distributorId]
    )
    return rows.map((r: Record<string, string>) => ({
      currency_code: r.currency_code,
      pending: MathBN.convert(r.pending).toNumber(),
      frozen: MathBN.convert(r.frozen).toNumber(),
      available: MathBN.convert(r.available).toNumber(),
      withdrawn: MathBN.convert(r.withdrawn).toNumber(),
    }))
  }

  /* Share tracking, conversion stats and repurchase reminders live in services/; these delegate. */

  protected service_<T>(name: string): T {
    return (this as unknown as { __container__: Record<string, T> }).__container__[name]
  }

  /** A visit through a share code, once per visitor, code and window; null when it was a repeat. */
  recordCodeVisit(input: RecordVisitInput): Promise<string | null> {
    return this.service_<ShareTrackingService>("shareTrackingService").recordVisit(input)
  }

  recordCartCode(input: RecordCartCodeInput): Promise<{ id: string; previous: CartCodeRow | null }> {
    return this.service_<ShareTrackingService>("shareTrackingService").recordCartCode(input)
  }

  restoreCartCode(cartId: string, previous: CartCodeRow | null): Promise<void> {
    return this.service_<ShareTrackingService>("shareTrackingService").restoreCartCode(cartId, previous)
  }

  getLinkFunnels(distributorId: string, codes: string[]): Promise<LinkFunnel[]> {
    return this.service_<ConversionStatsService>("conversionStatsService").linkFunnels(distributorId, codes)
  }

  /** Visits → carts → orders → kept GMV, per distributor, link, product and level (for the admin overview). */
  getConversionStats(range: ConversionRange = {}): Promise<ConversionStats> {
    return this.service_<ConversionStatsService>("conversionStatsService").conversionStats(range)
  }

  /** Claims reminders not sent before (unique per customer and last order); answers those this call claimed. */
  claimRepurchaseReminders(claims: RepurchaseReminderClaim[]): Promise<ClaimedRepurchaseReminder[]> {
    return this.service_<RepurchaseClaimsService>("repurchaseClaimsService").claimReminders(claims)
  }
}

export default DistributionModuleService
