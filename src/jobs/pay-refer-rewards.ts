import { MedusaContainer } from "@medusajs/framework/types"
import { payReferRewardsWorkflow } from "../workflows/refer-reward/workflows/pay-refer-rewards"

/** Daily: pays the 推三返一 rewards settlement runs did not (a no-op when none are due, or when it is off). */
export default async function payDistributionReferRewardsJob(container: MedusaContainer) {
  const { result } = await payReferRewardsWorkflow(container).run({ input: {} })
  if (result.length) container.resolve("logger").info(`distribution: paid ${result.length} refer reward(s)`)
}

export const config = { name: "distribution-pay-refer-rewards", schedule: "30 4 * * *" }
