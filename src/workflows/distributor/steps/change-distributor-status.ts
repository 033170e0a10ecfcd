import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"
import { notAllowed } from "../../../modules/distribution/errors"
import { DistributorStatus } from "../../../types"

export type DistributorStatusAction = "approve" | "reject" | "suspend" | "reactivate"

/** Which statuses each admin action starts from, and where it leads. */
const TRANSITIONS: Record<DistributorStatusAction, { from: DistributorStatus[]; to: DistributorStatus }> = {
  approve: { from: ["pending", "rejected"], to: "active" },
  reject: { from: ["pending"], to: "rejected" },
  suspend: { from: ["active", "pending"], to: "suspended" },
  reactivate: { from: ["suspended"], to: "active" },
}

export type ChangeDistributorStatusStepInput = {
  id: string
  action: DistributorStatusAction
  reason?: string | null
}

export const changeDistributorStatusStepId = "change-distributor-status"
export const changeDistributorStatusStep = createStep(
  changeDistributorStatusStepId,
  async (input: ChangeDistributorStatusStepInput, { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const before = await service.retrieveDistributor(input.id)
    const transition = TRANSITIONS[input.action]
    if (!transition.from.includes(before.status as DistributorStatus)) {
      throw notAllowed(
        `Cannot ${input.action} distributor ${input.id}: it is ${before.status}, and ${input.action} applies to ${transition.from.join(" or ")} distributors`
      )
    }
    const updated = await service.updateDistributors({
      id: input.id,
      status: transition.to,
      status_reason: input.reason ?? null,
      ...(transition.to === "active" && !before.approved_at ? { approved_at: new Date() } : {}),
    })
    return new StepResponse(updated, {
      id: before.id,
      status: before.status,
      status_reason: before.status_reason,
      approved_at: before.approved_at,
    })
  },
  async (before, { container }) => {
    if (!before) return
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    await service.updateDistributors(before)
  }
)
