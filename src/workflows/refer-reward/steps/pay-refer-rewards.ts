import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"
import { ReferRewardRow } from "../../../modules/distribution/services/refer-reward-credit"

/** `distributor_ids`: only these (the ones a settlement just paid); absent: every distributor with orders to count. */
export type PayReferRewardsStepInput = { distributor_ids?: string[] | null }

/** Pays the 推三返一 rewards earned under the current settings; off by default. Undone as a whole on a later failure. */
export const payReferRewardsStepId = "pay-refer-rewards"
export const payReferRewardsStep = createStep(
  payReferRewardsStepId,
  async (input: PayReferRewardsStepInput, { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const settings = await service.getSettings()
    if (!settings.refer_reward_enabled) return new StepResponse([] as ReferRewardRow[], [] as string[])
    const terms = { n: settings.refer_reward_n, window_days: settings.refer_reward_window_days, cap: settings.refer_reward_cap }
    const rewards: ReferRewardRow[] = []
    for (const id of await service.listReferRewardCandidates(input.distributor_ids ?? null)) {
      rewards.push(...(await service.payReferRewards(id, terms)))
    }
    return new StepResponse(rewards, rewards.map((r) => r.id))
  },
  async (ids: string[] | undefined, { container }) => {
    if (!ids?.length) return
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    await service.undoReferRewards(ids)
  }
)
