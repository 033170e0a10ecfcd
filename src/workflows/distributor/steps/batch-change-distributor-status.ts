import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"
import { DISTRIBUTOR_TRANSITIONS, DistributorAction, DistributorStatus, refusedTransition } from "../../../modules/distribution/transitions"
import type { BatchDistributorResult } from "../../../types/admin-lists"

export type BatchChangeDistributorStatusStepInput = {
  ids: string[]
  action: Exclude<DistributorAction, "reactivate">
  reason?: string | null
}

type Before = { id: string; status: DistributorStatus; status_reason: string | null; approved_at: Date | null }

/**
 * One admin decision on many distributors: each id either moves along its state machine or
 * is reported with the reason it can't (not found, or a status the action does not start
 * from); one refusal never stops the others. Undone by putting the previous statuses back.
 */
export const batchChangeDistributorStatusStepId = "batch-change-distributor-status"
export const batchChangeDistributorStatusStep = createStep(
  batchChangeDistributorStatusStepId,
  async (input: BatchChangeDistributorStatusStepInput, { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const ids = [...new Set(input.ids)]
    const rows = await service.listDistributors({ id: ids }, { take: ids.length })
    const { to } = DISTRIBUTOR_TRANSITIONS[input.action]
    const results: BatchDistributorResult[] = []
    const before: Before[] = []
    const now = new Date()
    for (const id of ids) {
      const row = rows.find((r) => r.id === id)
      if (!row) {
        results.push({ id, ok: false, error: `Distributor ${id} was not found` })
        continue
      }
      const refused = refusedTransition(DISTRIBUTOR_TRANSITIONS, input.action, row.status as DistributorStatus, `Distributor ${id}`)
      if (refused) {
        results.push({ id, ok: false, status: row.status, error: `Cannot ${input.action}: ${refused}` })
        continue
      }
      before.push({ id, status: row.status as DistributorStatus, status_reason: row.status_reason, approved_at: row.approved_at })
      results.push({ id, ok: true, status: to })
    }
    if (before.length) {
      await service.updateDistributors(
        before.map((b) => ({
          id: b.id,
          status: to,
          status_reason: input.reason ?? null,
          ...(to === "active" && !b.approved_at ? { approved_at: now } : {}),
        }))
      )
    }
    return new StepResponse(results, before)
  },
  async (before, { container }) => {
    if (!before?.length) return
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    await service.updateDistributors(before)
  }
)
