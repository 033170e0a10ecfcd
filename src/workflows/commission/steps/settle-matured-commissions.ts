import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"
import { SettledCommission } from "../../../types"

export type SettleMaturedCommissionsStepInput = { now?: Date; page_size?: number; max_pages?: number }

/**
 * Settles every frozen commission whose hold is over, page by page; each page is its
 * own transaction that two workers can run at once without sharing a row.
 */
export const settleMaturedCommissionsStepId = "settle-matured-commissions"
export const settleMaturedCommissionsStep = createStep(
  settleMaturedCommissionsStepId,
  async (input: SettleMaturedCommissionsStepInput, { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const settled: SettledCommission[] = []
    const maxPages = input.max_pages ?? 100
    for (let page = 0; page < maxPages; page++) {
      const batch = await service.settleMaturedCommissions({ now: input.now ?? new Date(), limit: input.page_size ?? 200 })
      settled.push(...batch)
      if (batch.length < (input.page_size ?? 200)) break
    }
    return new StepResponse(settled)
  }
)
