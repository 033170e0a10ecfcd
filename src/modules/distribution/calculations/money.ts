import { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import { BigNumber as BigNumberJSCtor } from "bignumber.js"

export type BigNumberJS = InstanceType<typeof BigNumberJSCtor>

/** Decimal digits of a currency's minor unit; ISO 4217 zero- and three-decimal currencies. */
const ZERO_DECIMAL = new Set(["bif", "clp", "djf", "gnf", "isk", "jpy", "kmf", "krw", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf"])
const THREE_DECIMAL = new Set(["bhd", "iqd", "jod", "kwd", "lyd", "omr", "tnd"])

export function currencyPrecision(currencyCode: string): number {
  const code = currencyCode.toLowerCase()
  if (ZERO_DECIMAL.has(code)) return 0
  if (THREE_DECIMAL.has(code)) return 3
  return 2
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
