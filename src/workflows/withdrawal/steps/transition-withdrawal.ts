import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"
import { conflict } from "../../../modules/distribution/errors"
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
    // Store credit is paid by approving, under the withdrawal's lock; the method never
    // changes after the request, so reading it before the lock is safe.
    const [current] =
      input.action === "approve" || input.action === "reject"
        ? await service.listWithdrawals({ id: input.id }, { select: ["id", "method", "status", "distributor_id"], take: 1 })
        : []
    if (current?.method === "store_credit" && input.action === "approve") {
      const { customer_id } = await service.retrieveDistributor(current.distributor_id, { select: ["customer_id"] })
      return new StepResponse(await service.approveAndPayWithdrawal(input.id, (locked) => creditStoreCredit(container, customer_id, locked)))
    }
    if (current?.method === "store_credit" && current.status === "requested" && input.action === "reject") {
      // Rejecting gives the money back to the wallet: never after it already reached the
      // customer's store credit (a payout that died before recording it, leaving it
      // requested). A payout running now holds the row lock, so the transition below waits
      // and then finds it paid.
      const credited = await storeCreditMadeFor(container, input.id)
      if (credited) {
        throw conflict(`Withdrawal ${input.id} was already paid as store credit (transaction ${credited}): approve it again to record the payout`)
      }
    }
    const withdrawal = await service.transitionWithdrawal(input.id, input.action, {
      reason: input.reason,
      reference: input.reference,
    })
    return new StepResponse(withdrawal)
  }
)
