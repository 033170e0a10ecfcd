import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"
import { DistributorStatus } from "../../../modules/distribution/transitions"

export type CreateDistributorStepInput = {
  customer_id: string
  status: DistributorStatus
  parent_id: string | null
  display_name?: string | null
  metadata?: Record<string, unknown> | null
}

/**
 * Creates a distributor with a fresh code, placed under its parent in the same
 * transaction; undone by removing it with its place in the tree.
 */
export const createDistributorStepId = "create-distributor"
export const createDistributorStep = createStep(
  createDistributorStepId,
  async (input: CreateDistributorStepInput, { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const code = await service.unusedCode()
    try {
      const distributor = await service.addDistributor(
        {
          customer_id: input.customer_id,
          code,
          status: input.status,
          display_name: input.display_name ?? null,
          approved_at: input.status === "active" ? new Date() : null,
          metadata: input.metadata ?? null,
        },
        input.parent_id
      )
      return new StepResponse(distributor, distributor.id)
    } catch (error) {
      // Enrolled by a concurrent request a moment ago (double click, two orders settling):
      // that distributor stands, and undoing this step must not remove it.
      const [existing] = await service.listDistributors({ customer_id: input.customer_id }, { take: 1 })
      if (existing) return new StepResponse(existing, null)
      throw error
    }
  },
  async (id, { container }) => {
    if (!id) return
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    await service.removeNewDistributor(id)
  }
)
