import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MathBN } from "@medusajs/framework/utils"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"
import { invalid, notFound } from "../../../modules/distribution/errors"
import { currencyPrecision } from "../../../modules/distribution/calculations"
import type { WalletAdjustmentInput } from "../../../modules/distribution/services/wallet-ledger"

export type WalletAdjustmentRequest = {
  distributor_id: string
  amount: number
  currency_code: string
  reason: string
  created_by: string | null
}

/** The distributor exists, the amount is not zero and fits the currency's precision. */
export const validateWalletAdjustmentStepId = "validate-wallet-adjustment"
export const validateWalletAdjustmentStep = createStep(
  validateWalletAdjustmentStepId,
  async (input: WalletAdjustmentRequest, { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const [distributor] = await service.listDistributors({ id: input.distributor_id }, { take: 1 })
    if (!distributor) throw notFound(`Distributor ${input.distributor_id} was not found`)
    const amount = MathBN.convert(input.amount)
    if (amount.isZero()) throw invalid("amount must not be zero: a positive amount credits the wallet, a negative one debits it")
    const precision = currencyPrecision(input.currency_code)
    if (amount.decimalPlaces()! > precision) {
      throw invalid(`amount has more than ${precision} decimals for ${input.currency_code.toUpperCase()}`)
    }
    return new StepResponse<WalletAdjustmentInput>({
      distributor_id: distributor.id,
      currency_code: input.currency_code.toLowerCase(),
      amount: amount.toString(),
      reason: input.reason,
      created_by: input.created_by,
    })
  }
)
