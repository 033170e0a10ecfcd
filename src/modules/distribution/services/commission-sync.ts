import { Context, DAL, ModulesSdkTypes } from "@medusajs/framework/types"
import { InjectTransactionManager, MathBN, MedusaContext } from "@medusajs/framework/utils"
import { Commission, CommissionAdjustment, LedgerEntry, OrderAttribution } from "../models"
import { asAmount, asJson, OrderCommissionPlan } from "../calculations"
import { sqlOf } from "../db"
import { DistributionSettings } from "../settings"
import { commissionStatusAfter, CommissionStatus } from "../transitions"
import { CustomerBindingService } from "./customer-binding"

type Deps = {
  baseRepository: DAL.RepositoryService
  orderAttributionService: ModulesSdkTypes.IMedusaInternalService<typeof OrderAttribution>
  commissionService: ModulesSdkTypes.IMedusaInternalService<typeof Commission>
  commissionAdjustmentService: ModulesSdkTypes.IMedusaInternalService<typeof CommissionAdjustment>
  ledgerEntryService: ModulesSdkTypes.IMedusaInternalService<typeof LedgerEntry>
  customerBindingService: CustomerBindingService
}

export type ApplyOrderPlanInput = {
  plan: OrderCommissionPlan
  /** Why the sync runs (an event name), kept on every adjustment it makes. */
  reason: string
  /** What caused it: a return, payment or order change id. */
  source_id: string | null
  now: Date
  settings: Pick<DistributionSettings, "binding_policy" | "binding_days">
}

export type ApplyOrderPlanResult = { created: string[]; adjusted: string[] }

type StoredCommission = {
  id: string
  level: number
  status: CommissionStatus
  distributor_id: string
  amount: string
  accrued_amount: string
  reversed_amount: string
  lines: unknown
}

/**
 * Writes what a sync planned, in one transaction: the attribution on the first sync (and the
 * binding it implies), then the difference between each level's stored commission and the
 * planned one, as an adjustment with its reason and source, a clawback after settlement,
 * and lines that always show the goods kept now.
 */
export class CommissionSyncService {
  protected readonly baseRepository_: DAL.RepositoryService
  protected readonly attributions_: Deps["orderAttributionService"]
  protected readonly commissions_: Deps["commissionService"]
  protected readonly adjustments_: Deps["commissionAdjustmentService"]
  protected readonly ledger_: Deps["ledgerEntryService"]
  protected readonly bindings_: CustomerBindingService

  constructor(deps: Deps) {
    this.baseRepository_ = deps.baseRepository
    this.attributions_ = deps.orderAttributionService
    this.commissions_ = deps.commissionService
    this.adjustments_ = deps.commissionAdjustmentService
    this.ledger_ = deps.ledgerEntryService
    this.bindings_ = deps.customerBindingService
  }

  @InjectTransactionManager()
  async applyOrderPlan(input: ApplyOrderPlanInput, @MedusaContext() sharedContext: Context = {}): Promise<ApplyOrderPlanResult> {
    const { plan, now } = input
    const orderId = plan.order_id
    const sql = await sqlOf(sharedContext)

    let attribution: { id: string; lines: unknown; triggered_at: Date | null }
    if (plan.attribution) {
      // First sync: the caller holds the order's lock; the unique key on order_id refuses a
      // second writer that got past it.
      const { terms, lines, ...frozen } = plan.attribution
      attribution = await this.attributions_.create(
        { order_id: orderId, ...frozen, terms: asJson(terms), lines: asJson(lines), triggered_at: plan.triggered_now },
        sharedContext
      )
      if (plan.bind_buyer) {
        await this.bindings_.bindCustomer(
          { ...plan.bind_buyer, source: "order", lenient: true, settings: input.settings, now },
          sharedContext
        )
      }
    } else {
      const [row] = await sql("distribution_order_attribution")
        .select("id", "lines", "triggered_at")
        .where({ order_id: orderId, deleted_at: null })
        .forUpdate()
      attribution = row
    }

    // Locked: the settlement job and other syncs wait, then see what this one wrote.
    const stored: StoredCommission[] = await sql("distribution_commission")
      .select("id", "level", "status", "distributor_id", "amount", "accrued_amount", "reversed_amount", "lines")
      .where({ order_id: orderId, deleted_at: null })
      .forUpdate()

    const held = !!plan.frozen_until
    const result: ApplyOrderPlanResult = { created: [], adjusted: [] }
    for (const expected of plan.expected) {
      const row = stored.find((r) => r.level === expected.level)
      if (!row) {
        if (!MathBN.gt(expected.amount, 0)) continue
        const created = await this.commissions_.create(
          {
            order_id: orderId,
            distributor_id: expected.distributor_id,
            level: expected.level,
            currency_code: plan.currency_code,
            status: held ? "frozen" : "pending",
            available_at: plan.frozen_until,
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
      const status = commissionStatusAfter(row.status, MathBN.convert(expected.amount).isZero(), held)
      const linesChanged = canonical(row.lines) !== canonical(expected.lines)
      if (delta.isZero() && status === row.status && !linesChanged) continue

      // Accrued only grows and reversed only grows, so amount = accrued − reversed always.
      const accrued = delta.isPositive() ? MathBN.add(row.accrued_amount, delta) : MathBN.convert(row.accrued_amount)
      const reversed = delta.isNegative() ? MathBN.sub(row.reversed_amount, delta) : MathBN.convert(row.reversed_amount)
      await this.commissions_.update(
        {
          id: row.id,
          amount: asAmount(expected.amount),
          accrued_amount: asAmount(accrued),
          reversed_amount: asAmount(reversed),
          lines: asJson(expected.lines),
          status,
          ...(status === "frozen" && row.status !== "frozen" ? { available_at: plan.frozen_until } : {}),
        },
        sharedContext
      )
      if (delta.isZero()) continue

      const adjustment = await this.adjustments_.create(
        {
          commission_id: row.id,
          order_id: orderId,
          amount: asAmount(delta),
          reason: input.reason,
          source_id: input.source_id,
          lines: asJson(expected.lines),
        },
        sharedContext
      )
      if (row.status === "settled") {
        // After settlement the money is in the wallet: the change is a ledger entry, keyed
        // by the adjustment, so it is written once.
        await this.ledger_.create(
          {
            distributor_id: row.distributor_id,
            currency_code: plan.currency_code,
            amount: asAmount(delta),
            type: delta.isNegative() ? "clawback" : "commission_adjustment",
            reference_id: adjustment.id,
            note: `${input.reason} on order ${orderId}`,
          },
          sharedContext
        )
      }
      result.adjusted.push(row.id)
    }

    const newLines = Object.keys(plan.new_lines).length ? { lines: asJson({ ...((attribution.lines as object) ?? {}), ...plan.new_lines }) } : {}
    const trigger = plan.triggered_now && !attribution.triggered_at && !plan.attribution ? { triggered_at: plan.triggered_now } : {}
    if (Object.keys(newLines).length || Object.keys(trigger).length) {
      await this.attributions_.update({ id: attribution.id, ...newLines, ...trigger }, sharedContext)
    }
    return result
  }
}

/** JSON with object keys sorted: jsonb hands objects back with its own key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v
  )
}
