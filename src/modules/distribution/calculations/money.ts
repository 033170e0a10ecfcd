import { BigNumberInput } from "@medusajs/framework/types"
import { defaultCurrencies, MathBN } from "@medusajs/framework/utils"
import { BigNumber as BigNumberJSCtor } from "bignumber.js"

export type BigNumberJS = InstanceType<typeof BigNumberJSCtor>

/** Medusa's own table, keyed by lower-case code: the unit a store charges in is the unit commission rounds to. */
const DECIMAL_DIGITS = new Map(
  Object.values(defaultCurrencies).map((currency) => [currency.code.toLowerCase(), currency.decimal_digits])
)

/**
 * Decimal digits of a currency's minor unit, as Medusa knows them. A currency Medusa does
 * not know can't be a region's currency; two decimals is the ISO 4217 default.
 */
export function currencyPrecision(currencyCode: string): number {
  return DECIMAL_DIGITS.get(currencyCode.toLowerCase()) ?? 2
}

export function toBN(value: BigNumberInput | null | undefined): BigNumberJS {
  return MathBN.convert(value ?? 0)
}

/**
 * Generated service inputs type `bigNumber` columns as `number`, but they store a
 * BigNumber exactly (its raw value is kept): pass money through this, never a float.
 */
export function asAmount(value: BigNumberInput): number {
  return MathBN.convert(value) as unknown as number
}

/** DML types `json` columns as records; arrays are stored as they are. */
export function asJson<T>(value: T): Record<string, unknown> {
  return value as unknown as Record<string, unknown>
}

/** Half-up to the currency's minor unit. Exact for products and sums (BigNumber only rounds on division). */
export function roundHalfUp(value: BigNumberInput, precision: number): BigNumberJS {
  return MathBN.convert(value).decimalPlaces(precision, BigNumberJSCtor.ROUND_HALF_UP)
}
