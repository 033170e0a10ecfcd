import { MedusaContainer } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import type { LockedWithdrawal } from "../../modules/distribution/services/wallet-ledger"

/**
 * The container key of the Store Credit Module of Medusa's loyalty plugin
 * (`@medusajs/loyalty-plugin`). The plugin is optional and never imported: a store that
 * runs it has this key registered, and the module is used through it alone.
 */
export const STORE_CREDIT_MODULE = "store_credit"

/** Every store-credit transaction this plugin makes carries this reference and the withdrawal's id. */
export const STORE_CREDIT_REFERENCE = "distribution_withdrawal"

export const NO_LOYALTY_PLUGIN =
  "Withdrawals as store credit require the loyalty plugin (@medusajs/loyalty-plugin), which this store does not run: choose another method"

/** The part of the loyalty plugin's store-credit service used here (2.21.x). */
type StoreCreditService = {
  listStoreCreditAccounts(filters: { customer_id: string; currency_code: string }, config?: { take?: number }): Promise<{ id: string }[]>
  createStoreCreditAccounts(data: { customer_id: string; currency_code: string }[]): Promise<{ id: string }[]>
  listAccountTransactions(filters: { reference: string; reference_id: string }, config?: { take?: number }): Promise<{ id: string }[]>
  creditAccounts(data: { account_id: string; amount: unknown; reference: string; reference_id: string; note?: string }[]): Promise<{ id: string }[]>
}

export function storeCreditAvailable(container: MedusaContainer): boolean {
  return container.hasRegistration(STORE_CREDIT_MODULE)
}

/**
 * The id of a store credit already made for this withdrawal, if any: a payout that died
 * between the loyalty plugin's commit and ours leaves the withdrawal `requested` with its
 * money already in the customer's store credit.
 */
export async function storeCreditMadeFor(container: MedusaContainer, withdrawalId: string): Promise<string | null> {
  if (!storeCreditAvailable(container)) return null
  const storeCredit = container.resolve<StoreCreditService>(STORE_CREDIT_MODULE)
  const [done] = await storeCredit.listAccountTransactions({ reference: STORE_CREDIT_REFERENCE, reference_id: withdrawalId }, { take: 1 })
  return done?.id ?? null
}

/**
 * Credits the customer's store-credit account in the withdrawal's currency (created on first
 * use) with the withdrawal's net amount, and answers the credit transaction's id. Idempotent
 * per withdrawal: a credit already made for it (a run that died before recording it) is
 * answered instead of crediting again. Called under the withdrawal's row lock, so two runs
 * for one withdrawal never get here at once.
 */
export async function creditStoreCredit(container: MedusaContainer, customerId: string, withdrawal: LockedWithdrawal): Promise<string> {
  if (!storeCreditAvailable(container)) throw new Error(NO_LOYALTY_PLUGIN)
  const done = await storeCreditMadeFor(container, withdrawal.id)
  if (done) return done
  const storeCredit = container.resolve<StoreCreditService>(STORE_CREDIT_MODULE)

  const key = { customer_id: customerId, currency_code: withdrawal.currency_code }
  const accountId = await accountOf(storeCredit, key)
  const [credit] = await storeCredit.creditAccounts([
    {
      account_id: accountId,
      amount: MathBN.convert(withdrawal.net_amount),
      reference: STORE_CREDIT_REFERENCE,
      reference_id: withdrawal.id,
      note: `Distribution withdrawal ${withdrawal.id}`,
    },
  ])
  return credit.id
}

/** The customer's account in this currency; two first payouts at once both try to create it, the plugin's unique key keeps one. */
async function accountOf(storeCredit: StoreCreditService, key: { customer_id: string; currency_code: string }): Promise<string> {
  const [existing] = await storeCredit.listStoreCreditAccounts(key, { take: 1 })
  if (existing) return existing.id
  try {
    const [created] = await storeCredit.createStoreCreditAccounts([key])
    return created.id
  } catch (error) {
    const [theirs] = await storeCredit.listStoreCreditAccounts(key, { take: 1 })
    if (theirs) return theirs.id
    throw error
  }
}
