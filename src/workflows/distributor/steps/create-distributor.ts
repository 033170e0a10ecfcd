import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"
import { DistributorStatus } from "../../../types"

export type CreateDistributorStepInput = {
  customer_id: string
  status: DistributorStatus
  parent_id: string | null
  display_name?: string | null
  metadata?: Record<string, unknown> | null
}

const CODE_ATTEMPTS = 5

/** Creates a distributor with a fresh code and places it in its parent's team. */
export const createDistributorStepId = "create-distributor"
export const createDistributorStep = createStep(
  createDistributorStepId,
  async (input: CreateDistributorStepInput, { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)

    let code = service.generateCode()
    // A collision in 31^8 codes is rare; checking first keeps the unique index from aborting the transaction.
    for (let i = 0; i < CODE_ATTEMPTS; i++) {
      const [taken] = await service.listDistributors({ code }, { take: 1, select: ["id"] })
      const [takenLink] = await service.listShareLinks({ code }, { take: 1, select: ["id"] })
      if (!taken && !takenLink) break
      code = service.generateCode()
    }

    let distributor
    try {
      distributor = await service.createDistributors({
        customer_id: input.customer_id,
        code,
        status: input.status,
        parent_id: null,
        display_name: input.display_name ?? null,
        approved_at: input.status === "active" ? new Date() : null,
        metadata: input.metadata ?? null,
      })
    } catch (error) {
      // Enrolled by a concurrent request a moment ago (double click, two orders settling):
      // that distributor stands, and undoing this step must not delete it.
      const [existing] = await service.listDistributors({ customer_id: input.customer_id }, { take: 1 })
      if (existing) return new StepResponse(existing, null)
      throw error
    }
    if (input.parent_id) {
      await service.setParent(distributor.id, input.parent_id)
    }
    return new StepResponse(distributor, distributor.id)
  },
  async (id, { container }) => {
    if (!id) return
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    await service.setParent(id, null)
    await service.deleteDistributors(id)
  }
)
