import { MedusaContainer } from "@medusajs/framework/types"
import { DISTRIBUTION_MODULE } from "../modules/distribution"
import DistributionModuleService from "../modules/distribution/service"

/**
 * Hourly: re-seals withdrawal accounts not sealed with the current key of
 * DISTRIBUTION_ACCOUNT_KEYS (after a key was put first), page by page; nothing to do costs
 * one indexed query. Safe on several workers at once (`SKIP LOCKED`).
 */
export default async function rotateDistributionAccountKeysJob(container: MedusaContainer) {
  const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
  let total = 0
  for (let page = await service.rotateAccountKeys(); page > 0; page = await service.rotateAccountKeys()) total += page
  if (total) container.resolve("logger").info(`distribution: re-encrypted ${total} withdrawal account(s) with the current key`)
}

export const config = {
  name: "distribution-rotate-account-keys",
  schedule: "17 * * * *",
}
