import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MathBN } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"
import { invalid, notAllowed } from "../../../modules/distribution/errors"
import { ValidatedWithdrawal } from "../../../types"
import { currencyPrecision, roundHalfUp } from "../../../modules/distribution/calculations"
import { AccountKeysError, protectAccount } from "../../../modules/distribution/account-crypto"

const name = z.string().trim().min(1, "must not be blank").max(100)
const email = z.string().trim().max(254).email()
const phone = z.string().trim().regex(/^\+?\d{6,20}$/, "must be a phone number or an email")

/** What each payout method needs to know to pay (DESIGN §3): no blank field, sane lengths and characters. */
export const ACCOUNT_SHAPES = {
  bank_transfer: z.strictObject({
    account_name: name,
    // Card numbers and IBANs: 6–34 letters and digits; spaces and dashes as people type them are dropped.
    account_number: z
      .string()
      .transform((v) => v.replace(/[\s-]/g, ""))
      .pipe(z.string().regex(/^[A-Za-z0-9]{6,34}$/, "must be 6–34 letters and digits")),
    bank_name: name,
  }),
  alipay: z.strictObject({ account: z.union([phone, email]), name }),
  wechat: z.strictObject({ account: z.string().trim().regex(/^[A-Za-z][A-Za-z0-9_-]{5,19}$|^\+?\d{6,20}$/, "must be a WeChat ID or phone number"), name }),
  paypal: z.strictObject({ email }),
  store_credit: z.strictObject({}),
} as const

export type WithdrawalRequestInput = {
  customer_id: string
  amount: number
  currency_code: string
  method: keyof typeof ACCOUNT_SHAPES
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
    if (input.method === "store_credit") {
      // Paying into Medusa's store-credit accounts is not built yet (issue 9, part 3).
      throw invalid(
        container.hasRegistration("store_credit")
          ? "Withdrawals as store credit are not supported yet: choose another method"
          : "Withdrawals as store credit require the loyalty plugin (@medusajs/loyalty-plugin), which this store does not run: choose another method"
      )
    }
    const account = ACCOUNT_SHAPES[input.method].safeParse(input.account ?? {})
    if (!account.success) {
      throw invalid(`account for ${input.method}: ${account.error.issues.map((i) => `${i.path.join(".") || "account"} ${i.message}`).join("; ")}`)
    }

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
      sealed = protectAccount(account.data as Record<string, unknown>)
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
