import { Readable } from "node:stream"
import { Context, DAL } from "@medusajs/framework/types"
import { InjectManager, MedusaContext } from "@medusajs/framework/utils"
import { Knex } from "@medusajs/framework/mikro-orm/knex"
import { sqlOf } from "../db"

export const EXPORT_KINDS = ["commissions", "distributors", "withdrawals", "ledger"] as const
export type ExportKind = (typeof EXPORT_KINDS)[number]
export type ExportRange = { from: Date | null; to: Date | null }

/** The CSV's header, per export: the columns each query selects, in order. */
export const EXPORT_COLUMNS: Record<ExportKind, string[]> = {
  ledger: ["id", "created_at", "distributor_id", "currency_code", "type", "amount", "reference_id", "note", "created_by"],
  commissions: [
    "id", "created_at", "order_id", "distributor_id", "level", "status", "currency_code", "amount", "accrued_amount",
    "reversed_amount", "base_amount", "available_at", "settled_at", "lines", "adjustments",
  ],
  distributors: ["id", "created_at", "customer_id", "code", "status", "display_name", "parent_id", "upline", "grade_id", "grade_name", "approved_at"],
  withdrawals: [
    "id", "created_at", "distributor_id", "status", "method", "currency_code", "amount", "fee_amount", "net_amount",
    "account", "reason", "reference", "approved_at", "paid_at", "rejected_at",
  ],
}

const live = (alias: string) => `${alias}.deleted_at IS NULL`

/**
 * One query per export, selecting the CSV's columns in order. Amounts are the exact stored
 * decimals as text; JSON columns (lines, adjustments, masked accounts) stay JSON.
 */
const QUERIES: Record<ExportKind, (sql: Knex) => Knex.QueryBuilder> = {
  ledger: (sql) =>
    sql("distribution_ledger_entry as e")
      .select("e.id", "e.created_at", "e.distributor_id", "e.currency_code", "e.type", sql.raw("e.amount::text AS amount"), "e.reference_id", "e.note", "e.created_by")
      .whereRaw(live("e")),
  commissions: (sql) =>
    sql("distribution_commission as c")
      .select(
        "c.id",
        "c.created_at",
        "c.order_id",
        "c.distributor_id",
        "c.level",
        "c.status",
        "c.currency_code",
        sql.raw("c.amount::text AS amount"),
        sql.raw("c.accrued_amount::text AS accrued_amount"),
        sql.raw("c.reversed_amount::text AS reversed_amount"),
        sql.raw("c.base_amount::text AS base_amount"),
        "c.available_at",
        "c.settled_at",
        "c.lines",
        sql.raw(
          `COALESCE((SELECT jsonb_agg(jsonb_build_object('id', a.id, 'amount', a.amount, 'reason', a.reason, 'source_id', a.source_id, 'created_at', a.created_at) ORDER BY a.created_at, a.id)
                       FROM distribution_commission_adjustment a WHERE a.commission_id = c.id AND a.deleted_at IS NULL), '[]'::jsonb) AS adjustments`
        )
      )
      .whereRaw(live("c")),
  distributors: (sql) =>
    sql("distribution_distributor as d")
      .select(
        "d.id",
        "d.created_at",
        "d.customer_id",
        "d.code",
        "d.status",
        "d.display_name",
        "d.parent_id",
        sql.raw(
          `(SELECT string_agg(p.ancestor_id, ' > ' ORDER BY p.depth) FROM distribution_team_path p
             WHERE p.descendant_id = d.id AND p.depth > 0 AND p.deleted_at IS NULL) AS upline`
        ),
        "d.grade_id",
        sql.raw("g.name AS grade_name"),
        "d.approved_at"
      )
      .leftJoin("distribution_grade as g", function () {
        this.on("g.id", "=", "d.grade_id").andOnNull("g.deleted_at")
      })
      .whereRaw(live("d")),
  withdrawals: (sql) =>
    sql("distribution_withdrawal as w")
      .select(
        "w.id",
        "w.created_at",
        "w.distributor_id",
        "w.status",
        "w.method",
        "w.currency_code",
        sql.raw("w.amount::text AS amount"),
        sql.raw("w.fee_amount::text AS fee_amount"),
        sql.raw("w.net_amount::text AS net_amount"),
        // The masked copy: an export never holds a real account.
        "w.account",
        "w.reason",
        "w.reference",
        "w.approved_at",
        "w.paid_at",
        "w.rejected_at"
      )
      .whereRaw(live("w")),
}

/**
 * Audit exports as a stream of rows from a database cursor (pg-query-stream through knex):
 * a million rows in the memory of a few hundred, whatever the range.
 */
export class AuditExportService {
  protected readonly baseRepository_: DAL.RepositoryService

  constructor({ baseRepository }: { baseRepository: DAL.RepositoryService }) {
    this.baseRepository_ = baseRepository
  }

  @InjectManager()
  async stream(kind: ExportKind, range: ExportRange, @MedusaContext() sharedContext: Context = {}): Promise<Readable> {
    const sql = await sqlOf(sharedContext)
    const alias = { ledger: "e", commissions: "c", distributors: "d", withdrawals: "w" }[kind]
    const query = QUERIES[kind](sql)
    if (range.from) query.andWhere(`${alias}.created_at`, ">=", range.from)
    if (range.to) query.andWhere(`${alias}.created_at`, "<", range.to)
    // An order's commissions are created in one statement, with one `created_at`: list them by
    // level (ids made in the same millisecond don't sort by creation).
    const order = kind === "commissions" ? ["c.created_at", "c.order_id", "c.level", "c.id"] : [`${alias}.created_at`, `${alias}.id`]
    return query.orderBy(order).stream({ batchSize: 500, highWaterMark: 500 } as never)
  }
}
