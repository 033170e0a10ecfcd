import { MathBN } from "@medusajs/framework/utils"
import DistributionModuleService from "../../../../modules/distribution/service"
import { invalid, notFound } from "../../../../modules/distribution/errors"

/**
 * A plan names a real grade, and its rate fits under `max_total_rate` beside the level rates:
 * what a sale pays in all stays within the cap the merchant set.
 */
export async function checkTeamBonusPlan(service: DistributionModuleService, plan: { name?: string; grade_id?: string; rate?: number }) {
  if (plan.grade_id) {
    const [grade] = await service.listGrades({ id: plan.grade_id }, { take: 1 })
    if (!grade) throw notFound(`Grade ${plan.grade_id} was not found: a team bonus plan names the lowest grade that earns it`)
  }
  if (plan.rate !== undefined) {
    const settings = await service.getSettings()
    const levels = MathBN.sum(0, ...settings.level_rates.slice(0, settings.max_levels).map(String))
    const room = MathBN.sub(settings.max_total_rate, levels)
    if (MathBN.gt(plan.rate, room)) {
      throw invalid(
        `Team bonus plan ${plan.name ?? ""} pays ${plan.rate} on top of level rates of ${levels.toString()}, above max_total_rate ${settings.max_total_rate}: at most ${room.toString()} is left`.replace("plan  pays", "plan pays")
      )
    }
  }
}
