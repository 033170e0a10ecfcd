import { ICustomerModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AppliedGradeChange } from "../../../modules/distribution/services/grade-progress"

type Membership = { customer_id: string; customer_group_id: string }

/**
 * Agent pricing (代理分销): a grade may name a Medusa customer group, so its members get the
 * merchant's price lists through Medusa's own pricing. A grade change moves the customer from
 * the old grade's group to the new one's; only memberships this step made are undone.
 */
export const syncGradeCustomerGroupsStepId = "sync-grade-customer-groups"
export const syncGradeCustomerGroupsStep = createStep(
  syncGradeCustomerGroupsStepId,
  async (changes: AppliedGradeChange[], { container }) => {
    const moved = changes.filter((c) => c.from_customer_group_id !== c.to_customer_group_id)
    if (!moved.length) return new StepResponse(undefined, { added: [], removed: [] })
    const customers: ICustomerModuleService = container.resolve(Modules.CUSTOMER)
    const rows = await customers.listCustomers({ id: moved.map((c) => c.customer_id) }, { relations: ["groups"] })
    const groupsOf = new Map(rows.map((c) => [c.id, new Set((c.groups ?? []).map((g) => g.id))]))
    const added: Membership[] = []
    const removed: Membership[] = []
    for (const change of moved) {
      const groups = groupsOf.get(change.customer_id) ?? new Set<string>()
      if (change.from_customer_group_id && groups.has(change.from_customer_group_id)) {
        removed.push({ customer_id: change.customer_id, customer_group_id: change.from_customer_group_id })
      }
      if (change.to_customer_group_id && !groups.has(change.to_customer_group_id)) {
        added.push({ customer_id: change.customer_id, customer_group_id: change.to_customer_group_id })
      }
    }
    if (removed.length) await customers.removeCustomerFromGroup(removed)
    if (added.length) await customers.addCustomerToGroup(added)
    return new StepResponse(undefined, { added, removed })
  },
  async (made, { container }) => {
    if (!made || (!made.added.length && !made.removed.length)) return
    const customers: ICustomerModuleService = container.resolve(Modules.CUSTOMER)
    if (made.added.length) await customers.removeCustomerFromGroup(made.added)
    if (made.removed.length) await customers.addCustomerToGroup(made.removed)
  }
)
