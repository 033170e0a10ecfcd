import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"
import { repurchaseDue } from "../../../modules/distribution/calculations"
import { RepurchaseReminderClaim } from "../../../modules/distribution/services/repurchase-claims"

const PAGE_SIZE = 200

/**
 * Bound customers whose usual reorder interval has passed (see `repurchaseDue`): customers
 * with a current binding to an active distributor, judged on their orders that were not
 * canceled. Reads only; bindings a page at a time.
 */
export const findDueRepurchasesStepId = "find-due-distribution-repurchases"
export const findDueRepurchasesStep = createStep(
  findDueRepurchasesStepId,
  async (input: { now: Date | string }, { container }) => {
    const now = new Date(input.now)
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const due: RepurchaseReminderClaim[] = []

    for (let skip = 0; ; skip += PAGE_SIZE) {
      const bindings = await service.listBindings({}, { skip, take: PAGE_SIZE, order: { created_at: "ASC" } })
      const current = bindings.filter((b) => !b.expires_at || new Date(b.expires_at) > now)
      const distributorIds = [...new Set(current.map((b) => b.distributor_id))]
      const active = new Set(
        distributorIds.length
          ? (await service.listDistributors({ id: distributorIds, status: "active" }, { take: distributorIds.length, select: ["id"] })).map((d) => d.id)
          : []
      )
      const bound = current.filter((b) => active.has(b.distributor_id))
      if (bound.length) {
        const { data: orders } = await query.graph({
          entity: "order",
          fields: ["id", "customer_id", "created_at", "status"],
          filters: { customer_id: bound.map((b) => b.customer_id), status: { $nin: ["canceled", "draft"] } },
        })
        const byCustomer = new Map<string, { id: string; created_at: Date | string }[]>()
        for (const order of orders as { id: string; customer_id: string; created_at: Date | string }[]) {
          byCustomer.set(order.customer_id, [...(byCustomer.get(order.customer_id) ?? []), order])
        }
        for (const binding of bound) {
          const reminder = repurchaseDue(byCustomer.get(binding.customer_id) ?? [], now)
          if (reminder) due.push({ customer_id: binding.customer_id, distributor_id: binding.distributor_id, ...reminder })
        }
      }
      if (bindings.length < PAGE_SIZE) break
    }
    return new StepResponse(due)
  }
)
