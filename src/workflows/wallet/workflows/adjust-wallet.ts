import { createHook, createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { validateWalletAdjustmentStep, WalletAdjustmentRequest } from "../steps/validate-wallet-adjustment"
import { adjustWalletStep } from "../steps/adjust-wallet"
import { emitDistributionEventsStep } from "../../common/steps/emit-distribution-events"
import { DistributionEvents } from "../../events"

export type AdjustWalletWorkflowInput = WalletAdjustmentRequest

/**
 * An admin credits (amount > 0) or debits (amount < 0) a distributor's wallet by hand, with
 * a reason; the entry records who did it. A debit may leave a negative balance, which later
 * settlements pay back, as after a clawback.
 *
 * Hook `walletAdjusted` `{ entry_id, distributor_id }` runs after the entry is written: a
 * store may add an approval or a notification there; throwing answers the entry with its
 * opposite, so the balance is as before.
 *
 * @example
 * await adjustWalletWorkflow(container).run({
 *   input: { distributor_id, amount: -5, currency_code: "usd", reason: "duplicate payout", created_by: "user_123" },
 * })
 */
export const adjustWalletWorkflowId = "adjust-distribution-wallet"
export const adjustWalletWorkflow = createWorkflow(adjustWalletWorkflowId, (input: AdjustWalletWorkflowInput) => {
  const validated = validateWalletAdjustmentStep(input)
  const entry = adjustWalletStep(validated)
  const walletAdjusted = createHook("walletAdjusted", { entry_id: entry.id, distributor_id: entry.distributor_id })
  emitDistributionEventsStep(
    transform({ entry }, ({ entry }) => [
      { name: DistributionEvents.WALLET_ADJUSTED, data: { id: entry.id, distributor_id: entry.distributor_id } },
    ])
  )
  return new WorkflowResponse(entry, { hooks: [walletAdjusted] })
})
