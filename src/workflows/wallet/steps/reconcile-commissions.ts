import { MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"
import { planOrderCommissions } from "../../../modules/distribution/calculations"
import type { AuditDifference } from "../../../modules/distribution/services/wallet-audit"
import { loadOrderSyncState } from "../../commission/steps/load-order-sync-state"

export type ReconcileCommissionsInput = { from: string | null; to: string | null }
export type ReconciliationResult = { checked: number; differences: AuditDifference[] }

const num = (v: unknown) => MathBN.convert((v ?? 0) as string).toNumber()

/**
 * Recomputes the commissions of every order with commissions created in the range, the way
 * a sync would plan them now (the sync's own load and pure plan, without its writes), and
 * compares them with what is stored; then checks the ledger's invariants. Reads only.
 */
export const reconcileCommissionsStepId = "reconcile-commissions"
export const reconcileCommissionsStep = createStep(reconcileCommissionsStepId, async (input: ReconcileCommissionsInput, { container }) => {
  const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
  const from = input.from ? new Date(input.from) : null
  const to = input.to ? new Date(input.to) : null
  const orderIds = await service.listOrdersWithCommissions(from, to)
  const stored = await service.listCommissionsOfOrders(orderIds)
  const differences: AuditDifference[] = []

  for (const orderId of orderIds) {
    const state = await loadOrderSyncState(container, orderId)
    const plan = state ? planOrderCommissions(state) : null
    const expected = new Map((plan?.expected ?? []).map((c) => [c.level, c.amount]))
    const mine = stored.filter((c) => c.order_id === orderId)
    const levels = [...new Set([...mine.map((c) => c.level), ...expected.keys()])].sort()
    for (const level of levels) {
      const row = mine.find((c) => c.level === level)
      const want = expected.get(level) ?? 0
      if (!MathBN.eq(row?.amount ?? 0, want)) {
        differences.push({ check: "commission", order_id: orderId, level, ...(row ? { commission_id: row.id } : {}), stored: num(row?.amount), expected: num(want) })
      }
      if (row && row.status !== "canceled" && !MathBN.eq(row.lines_total, row.amount)) {
        differences.push({ check: "commission_lines", order_id: orderId, level, commission_id: row.id, stored: num(row.lines_total), expected: num(row.amount) })
      }
    }
  }
  differences.push(...(await service.findLedgerDifferences(orderIds, from, to)))
  return new StepResponse<ReconciliationResult>({ checked: orderIds.length, differences })
})
