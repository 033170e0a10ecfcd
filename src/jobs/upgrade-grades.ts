import { MedusaContainer } from "@medusajs/framework/types"
import { DISTRIBUTION_MODULE } from "../modules/distribution"
import DistributionModuleService from "../modules/distribution/service"
import { upgradeDistributorGradesWorkflow } from "../workflows/grade/workflows/upgrade-distributor-grades"

const PAGE = 200

/**
 * Daily: moves every active distributor up to the grade they earned, page by page, for the
 * conditions a settlement does not touch (a team that grew). Row locks make two workers safe.
 */
export default async function upgradeDistributionGradesJob(container: MedusaContainer) {
  const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
  let upgraded = 0
  for (let skip = 0; ; skip += PAGE) {
    const page = await service.listDistributors({ status: "active" }, { select: ["id"], order: { id: "ASC" }, skip, take: PAGE })
    if (!page.length) break
    const { result } = await upgradeDistributorGradesWorkflow(container).run({ input: { distributor_ids: page.map((d) => d.id) } })
    upgraded += result.length
    if (page.length < PAGE) break
  }
  if (upgraded) container.resolve("logger").info(`distribution: ${upgraded} distributor(s) moved up a grade`)
}

export const config = { name: "distribution-upgrade-grades", schedule: "30 3 * * *" }
