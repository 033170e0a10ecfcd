import { MedusaContainer } from "@medusajs/framework/types"
import { DISTRIBUTION_MODULE } from "../modules/distribution"
import DistributionModuleService from "../modules/distribution/service"

/**
 * Hourly: adds the closed hours to the overview's daily pre-aggregate, so the admin
 * overview of a range reads one row per day instead of every order and commission, and
 * only the last few hours live.
 * Safe on several workers at once (they queue on a lock and find the days done).
 */
export default async function rollupDistributionStatsJob(container: MedusaContainer) {
  const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
  // A month per run: a first run on a long history catches up over a few hours, never in one huge statement.
  const { through, days } = await service.rollupDailyStats({ maxDays: 31 })
  if (days) container.resolve("logger").info(`distribution: rolled up ${days} day(s) of stats, through ${through}`)
}

export const config = {
  name: "distribution-rollup-stats",
  schedule: "17 * * * *",
}
