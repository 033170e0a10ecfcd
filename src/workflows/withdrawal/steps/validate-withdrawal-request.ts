import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MathBN } from "@medusajs/framework/utils"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"
import { invalid, notAllowed } from "../../../modules/distribution/errors"
import { ValidatedWithdrawal } from "../../../types"
import { currencyPrecision, roundHalfUp } from "../../../modules/distribution/calculations"
import { parseWithdrawalAccount, WithdrawalMethod } from "../../../modules/distribution/withdrawal-accounts"
import { NO_LOYALTY_PLUGIN, storeCreditAvailable } from "../store-credit-payout"
import { AccountKeysError, protectAccount } from "../../../modules/distribution/account-crypto"

export type WithdrawalRequestInput = {
  customer_id: string
  amount: number
  currency_code: string
  method: WithdrawalMethod
  account: Record<string, unknown>
}

/** Checks a withdrawal request against the store's rules and works out its fee. */
export const validateWithdrawalRequestStepId = "validate-withdrawal-request"
export const validateWithdrawalRequestStep = createStep(
  validateWithdrawalRequestStepId,
  async (input: WithdrawalRequestInput, { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const settings = await service.getSettings()
    const [distributor] = await service.listDistributors({ customer_id: input.customer_id }, { take: 1 })
    if (!distributor) throw notAllowed("You are not a distributor yet: apply with POST /store/distribution/apply")
    if (distributor.status !== "active") throw notAllowed(`Your distributor account is ${distributor.status}: withdrawals need an active account`)

    if (!(settings.withdrawal_methods as string[]).includes(input.method)) {
      throw invalid(`Withdrawals by ${input.method} are not offered; choose one of: ${settings.withdrawal_methods.join(", ")}`)
    }
    // Store credit is paid into Medusa's loyalty plugin, which is optional: without it the method cannot be paid.
    if (input.method === "store_credit" && !storeCreditAvailable(container)) throw invalid(NO_LOYALTY_PLUGIN)
    const account = parseWithdrawalAccount(input.method, input.account ?? {})
    if (account.problems) throw invalid(account.problems.map((p) => p.message).join("; "))

    const precision = currencyPrecision(input.currency_code)
    const amount = MathBN.convert(input.amount)
    if (amount.decimalPlaces()! > precision) {
      throw invalid(`amount has more than ${precision} decimals for ${input.currency_code.toUpperCase()}`)
    }
    if (amount.lt(settings.withdrawal_min)) throw invalid(`The minimum withdrawal is ${settings.withdrawal_min}`)
    if (settings.withdrawal_max !== null && amount.gt(settings.withdrawal_max)) {
      throw invalid(`The maximum withdrawal is ${settings.withdrawal_max}`)
    }

    let sealed: ReturnType<typeof protectAccount>
    try {
      sealed = protectAccount(account.account)
    } catch (error) {
      if (error instanceof AccountKeysError) throw notAllowed(`Withdrawals are unavailable until the store sets its account encryption key: ${error.message}`)
      throw error
    }

    const fee = roundHalfUp(amount.times(settings.withdrawal_fee_rate), precision)
    return new StepResponse<ValidatedWithdrawal>({
      distributor_id: distributor.id,
      currency_code: input.currency_code.toLowerCase(),
      amount: amount.toString(),
      fee_amount: fee.toString(),
      method: input.method,
      ...sealed,
      daily_max: settings.withdrawal_daily_max,
    })
  }
)
