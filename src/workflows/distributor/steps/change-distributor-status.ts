import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"
import { notAllowed } from "../../../modules/distribution/errors"
import { DISTRIBUTOR_TRANSITIONS, DistributorAction, DistributorStatus, refusedTransition } from "../../../modules/distribution/transitions"

export type DistributorStatusAction = DistributorAction

export type ChangeDistributorStatusStepInput = {
  id: string
  action: DistributorStatusAction
  reason?: string | null
}

/** Moves a distributor along its state machine; undone by putting the previous status back. */
export const changeDistributorStatusStepId = "change-distributor-status"
export const changeDistributorStatusStep = createStep(
  changeDistributorStatusStepId,
  async (input: ChangeDistributorStatusStepInput, { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const before = await service.retrieveDistributor(input.id)
    const refused = refusedTransition(DISTRIBUTOR_TRANSITIONS, input.action, before.status as DistributorStatus, `Distributor ${input.id}`)
    if (refused) throw notAllowed(`Cannot ${input.action}: ${refused}`)
    const to = DISTRIBUTOR_TRANSITIONS[input.action].to
    const updated = await service.updateDistributors({
      id: input.id,
      status: to,
      status_reason: input.reason ?? null,
      ...(to === "active" && !before.approved_at ? { approved_at: new Date() } : {}),
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
