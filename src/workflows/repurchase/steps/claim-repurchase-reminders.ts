import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"
import { RepurchaseReminderClaim } from "../../../modules/distribution/services/repurchase-claims"

/**
 * Claims the reminders no run claimed before. Of two workers running at once, each
 * reminder goes to exactly one (a unique key per customer and last order), and only
 * the claimer sends it. Undone by deleting what this run claimed, so a retry sends it.
 */
export const claimRepurchaseRemindersStepId = "claim-distribution-repurchase-reminders"
export const claimRepurchaseRemindersStep = createStep(
  claimRepurchaseRemindersStepId,
  async (claims: RepurchaseReminderClaim[], { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const claimed = await service.claimRepurchaseReminders(claims)
    return new StepResponse(claimed, claimed.map((c) => c.id))
  },
  async (ids, { container }) => {
    if (!ids?.length) return
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    await service.deleteRepurchaseReminders(ids)
  }
)
