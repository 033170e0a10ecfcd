import { Context, DAL } from "@medusajs/framework/types"
import { InjectManager, MathBN, MedusaContext } from "@medusajs/framework/utils"
import { sqlOf } from "../db"

export type Statement = { currency_code: string; opening: number; credits: number; debits: number; closing: number }

/** A stored fact that does not match what it should be; `stored` and `expected` are amounts or counts. */
export type AuditDifference = {
  check: "commission" | "commission_lines" | "settlement_count" | "settled_amount" | "withdrawal_debit" | "withdrawal_reversal"
  order_id: string | null
  level: number | null
  commission_id?: string
  withdrawal_id?: string
  stored: number
  expected: number
}

export type StoredCommission = { id: string; order_id: string; level: number; status: string; amount: string }

const num = (v: unknown) => MathBN.convert((v ?? 0) as string).toNumber()

/**
 * Read-only views an auditor asks for: monthly statements that add up to the balance, and
 * the ledger's invariants (each settled commission credited once and followed by its later
 * changes; each withdrawal debited once and given back only when rejected or failed).
 */
export class WalletAuditService {
  protected readonly baseRepository_: DAL.RepositoryService

  constructor({ baseRepository }: { baseRepository: DAL.RepositoryService }) {
    this.baseRepository_ = baseRepository
  }

  /** Per currency: the balance before `start`, what came in and went out in [start, end), and the balance at `end`. */
  @InjectManager()
  async statements(distributorId: string, start: Date, end: Date, @MedusaContext() sharedContext: Context = {}): Promise<Statement[]> {
    const sql = await sqlOf(sharedContext)
    const { rows } = await sql.raw(
      `SELECT currency_code,
              COALESCE(SUM(amount) FILTER (WHERE created_at < :start), 0) AS opening,
              COALESCE(SUM(amount) FILTER (WHERE created_at >= :start AND amount > 0), 0) AS credits,
              COALESCE(-SUM(amount) FILTER (WHERE created_at >= :start AND amount < 0), 0) AS debits,
              SUM(amount) AS closing
         FROM distribution_ledger_entry
        WHERE distributor_id = :id AND deleted_at IS NULL AND created_at < :end
        GROUP BY currency_code
        ORDER BY currency_code`,
      { id: distributorId, start, end }
    )
    return rows.map((r: Record<string, string>) => ({
      currency_code: r.currency_code,
      opening: num(r.opening),
      credits: num(r.credits),
      debits: num(r.debits),
      closing: num(r.closing),
    }))
  }

  /** The commissions of these orders as stored, for reconciliation. */
  @InjectManager()
  async commissionsOfOrders(orderIds: string[], @MedusaContext() sharedContext: Context = {}): Promise<(StoredCommission & { lines_total: string; accrued_amount: string; reversed_amount: string })[]> {
    if (!orderIds.length) return []
    const sql = await sqlOf(sharedContext)
    const { rows } = await sql.raw(
      `SELECT c.id, c.order_id, c.level, c.status::text AS status, c.amount, c.accrued_amount, c.reversed_amount,
              (SELECT COALESCE(SUM((l->>'amount')::numeric), 0) FROM jsonb_array_elements(CASE WHEN jsonb_typeof(c.lines) = 'array' THEN c.lines ELSE '[]'::jsonb END) l) AS lines_total
         FROM distribution_commission c
        WHERE c.order_id = ANY(:ids) AND c.deleted_at IS NULL
        ORDER BY c.order_id, c.level`,
      { ids: orderIds }
    )
    return rows
  }

  /** Orders whose commissions were created in [from, to): the reconciliation's range. */
  @InjectManager()
  async ordersWithCommissions(from: Date | null, to: Date | null, @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    const sql = await sqlOf(sharedContext)
    const q = sql("distribution_commission").distinct("order_id").where({ deleted_at: null }).orderBy("order_id")
    if (from) q.andWhere("created_at", ">=", from)
    if (to) q.andWhere("created_at", "<", to)
    return (await q).map((r: { order_id: string }) => r.order_id)
  }

  /**
   * The ledger against the commissions of these orders and the withdrawals made in the
   * range: one settlement credit per settled commission (none otherwise), and settlement
   * plus the changes after it (clawbacks, later additions) equal to what the commission pays
   * now; one debit per withdrawal, and a reversal exactly when it was rejected or failed.
   */
  @InjectManager()
  async ledgerDifferences(
    orderIds: string[],
    from: Date | null,
    to: Date | null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<AuditDifference[]> {
    const sql = await sqlOf(sharedContext)
    const differences: AuditDifference[] = []
    if (orderIds.length) {
      const { rows } = await sql.raw(
        `SELECT c.id, c.order_id, c.level, c.status::text AS status, c.amount,
                (SELECT COUNT(*) FROM distribution_ledger_entry l
                  WHERE l.type = 'settlement' AND l.reference_id = c.id AND l.deleted_at IS NULL)::int AS settlements,
                (SELECT COALESCE(SUM(l.amount), 0) FROM distribution_ledger_entry l
                  WHERE l.type = 'settlement' AND l.reference_id = c.id AND l.deleted_at IS NULL) AS settled,
                (SELECT COALESCE(SUM(l.amount), 0) FROM distribution_ledger_entry l
                   JOIN distribution_commission_adjustment a ON a.id = l.reference_id AND a.deleted_at IS NULL
                  WHERE a.commission_id = c.id AND l.type IN ('clawback', 'commission_adjustment') AND l.deleted_at IS NULL) AS after
           FROM distribution_commission c
          WHERE c.order_id = ANY(:ids) AND c.deleted_at IS NULL
          ORDER BY c.order_id, c.level`,
        { ids: orderIds }
      )
      for (const c of rows) {
        const base = { order_id: c.order_id as string, level: c.level as number, commission_id: c.id as string }
        const expectedCount = c.status === "settled" ? 1 : 0
        if (c.settlements !== expectedCount) {
          differences.push({ check: "settlement_count", ...base, stored: c.settlements, expected: expectedCount })
        }
        if (c.status === "settled" && !MathBN.eq(MathBN.add(c.settled, c.after), c.amount)) {
          differences.push({ check: "settled_amount", ...base, stored: num(MathBN.add(c.settled, c.after)), expected: num(c.amount) })
        }
      }
    }

    const withdrawals = sql("distribution_withdrawal as w")
      .select(
        "w.id",
        "w.status",
        "w.amount",
        sql.raw(`(SELECT COALESCE(SUM(l.amount), 0) FROM distribution_ledger_entry l WHERE l.type = 'withdrawal' AND l.reference_id = w.id AND l.deleted_at IS NULL) AS debited`),
        sql.raw(`(SELECT COALESCE(SUM(l.amount), 0) FROM distribution_ledger_entry l WHERE l.type = 'withdrawal_reversal' AND l.reference_id = w.id AND l.deleted_at IS NULL) AS reversed`)
      )
      .whereNull("w.deleted_at")
      .orderBy("w.id")
    if (from) withdrawals.andWhere("w.created_at", ">=", from)
    if (to) withdrawals.andWhere("w.created_at", "<", to)
    for (const w of await withdrawals) {
      const base = { order_id: null, level: null, withdrawal_id: w.id as string }
      if (!MathBN.eq(w.debited, MathBN.mult(w.amount, -1))) {
        differences.push({ check: "withdrawal_debit", ...base, stored: num(w.debited), expected: -num(w.amount) })
      }
      const expectedBack = ["rejected", "failed"].includes(w.status) ? w.amount : 0
      if (!MathBN.eq(w.reversed, expectedBack)) {
        differences.push({ check: "withdrawal_reversal", ...base, stored: num(w.reversed), expected: num(expectedBack) })
      }
    }
    return differences
  }
}
