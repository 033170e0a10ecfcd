import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"
import { TeamBonusPayoutRow } from "../../../modules/distribution/services/team-bonus"

export type PayTeamBonusStepInput = { period: string; plan_id?: string }

/** Pays every active plan (or one) for a closed month; undone as a whole on a later failure. */
export const payTeamBonusStepId = "pay-team-bonus"
export const payTeamBonusStep = createStep(
  payTeamBonusStepId,
  async (input: PayTeamBonusStepInput, { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const plans = await service.listTeamBonusPlans(input.plan_id ? { id: input.plan_id } : { active: true }, { select: ["id"] })
    const payouts: TeamBonusPayoutRow[] = []
    for (const plan of plans) payouts.push(...(await service.payTeamBonus(plan.id, input.period)))
    return new StepResponse(payouts, payouts.map((p) => p.id))
  },
  async (ids: string[] | undefined, { container }) => {
    if (!ids?.length) return
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    await service.undoTeamBonusPayouts(ids)
  }
)
