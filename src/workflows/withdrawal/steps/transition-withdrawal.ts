import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"
import { conflict, notFound } from "../../../modules/distribution/errors"
import { creditStoreCredit, storeCreditMadeFor } from "../store-credit-payout"

export type TransitionWithdrawalStepInput = {
  id: string
  action: "approve" | "reject" | "mark_paid" | "mark_failed"
  reason?: string | null
  reference?: string | null
}

/**
 * An admin decision on a withdrawal. No compensation: each transition is final and
 * recorded (a paid or rejected withdrawal is never silently undone).
 *
 * Approving a `store_credit` withdrawal pays it at once into the customer's store-credit
 * account (Medusa's loyalty plugin): it ends `paid`, or `failed` with the money back in the
 * wallet when the credit cannot be made.
 */
export const transitionWithdrawalStepId = "transition-withdrawal"
export const transitionWithdrawalStep = createStep(
  transitionWithdrawalStepId,
  async (input: TransitionWithdrawalStepInput, { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    if (input.action === "reject") {
      // Rejecting gives the money back to the wallet: never after it already reached the
      // customer's store credit (a payout that died before recording it, leaving it
      // requested). A payout running now holds the row lock, so the transition below waits
      // and then finds it paid.
      const [withdrawal] = await service.listWithdrawals({ id: input.id }, { select: ["id", "method", "status"], take: 1 })
      const credited = withdrawal?.method === "store_credit" && withdrawal.status === "requested" ? await storeCreditMadeFor(container, input.id) : null
      if (credited) {
        throw conflict(`Withdrawal ${input.id} was already paid as store credit (transaction ${credited}): approve it again to record the payout`)
      }
    }
    if (input.action === "approve") {
      // The method never changes after the request, so reading it before the lock is safe.
      const [withdrawal] = await service.listWithdrawals({ id: input.id }, { select: ["id", "method", "distributor_id"], take: 1 })
      if (!withdrawal) throw notFound(`Withdrawal ${input.id} was not found`)
      if (withdrawal.method === "store_credit") {
        const { customer_id } = await service.retrieveDistributor(withdrawal.distributor_id, { select: ["customer_id"] })
        return new StepResponse(await service.approveAndPayWithdrawal(input.id, (locked) => creditStoreCredit(container, customer_id, locked)))
      }
    }
    const withdrawal = await service.transitionWithdrawal(input.id, input.action, {
      reason: input.reason,
      reference: input.reference,
    })
    return new StepResponse(withdrawal)
  }
)
