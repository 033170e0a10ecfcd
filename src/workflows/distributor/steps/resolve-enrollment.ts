import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"
import { notAllowed } from "../../../modules/distribution/errors"
import { DistributorStatus } from "../../../modules/distribution/transitions"

export type ResolveEnrollmentStepInput = {
  customer_id: string
  /** Who asks: a customer applying, an admin creating, or the plugin after a first order. */
  by: "customer" | "admin" | "first_order"
  /** An admin's choice of parent; otherwise the distributor the customer is bound to. */
  parent_id?: string | null
}

export type ResolveEnrollmentStepOutput = {
  existing_id: string | null
  status: DistributorStatus
  parent_id: string | null
}

/**
 * Decides what an enrollment leads to under the store's enrollment mode: an existing
 * distributor is returned as it is, and the customer's binding names the parent.
 */
export const resolveEnrollmentStepId = "resolve-distribution-enrollment"
export const resolveEnrollmentStep = createStep(
  resolveEnrollmentStepId,
  async (input: ResolveEnrollmentStepInput, { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const [existing] = await service.listDistributors({ customer_id: input.customer_id }, { take: 1 })
    const settings = await service.getSettings()

    if (!existing && input.by === "customer") {
      if (!settings.enabled) throw notAllowed("Distribution is turned off in this store")
      if (settings.enrollment_mode === "invite_only") {
        throw notAllowed("This store enrolls distributors by invitation only: ask the store to invite you")
      }
      if (settings.enrollment_mode === "after_first_order") {
        throw notAllowed("You become a distributor automatically once your first order in this store settles")
      }
    }

    const [binding] = await service.listBindings({ customer_id: input.customer_id }, { take: 1 })
    const bindingLive = binding && (!binding.expires_at || new Date(binding.expires_at) > new Date())
    const status: DistributorStatus =
      input.by === "customer" && settings.enrollment_mode === "approval" ? "pending" : "active"

    return new StepResponse<ResolveEnrollmentStepOutput>({
      existing_id: existing?.id ?? null,
      status,
      parent_id: input.parent_id !== undefined ? input.parent_id : bindingLive ? binding.distributor_id : null,
    })
  }
)
