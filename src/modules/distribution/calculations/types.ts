import { BigNumberInput } from "@medusajs/framework/types"

/** One order line as far as commission cares: what was paid for it, and how much of it is kept. */
export type OrderLineMoney = {
  line_item_id: string
  product_id: string | null
  /** Units on the order now (an order edit may have added or removed some). */
  quantity: number
  /** Of those, units received back in returns; the rest is kept. */
  returned_quantity: number
  /**
   * The units `net` and `gross` were paid for (default: `quantity`). Units an edit took
   * away count as returned at their paid value; units it added are paid like the others.
   */
  paid_quantity?: number
  /** Goods value paid for `paid_quantity` units: after discounts, excluding tax and shipping. */
  net: BigNumberInput
  /** The same value including tax: what the customer was charged for them. */
  gross: BigNumberInput
}

/** The order's money as it stands now. */
export type OrderMoneyState = {
  currency_code: string
  canceled: boolean
  /** Everything refunded to the customer so far (gross), for any reason. */
  refunded_total: BigNumberInput
  lines: OrderLineMoney[]
}

/** A line's commission base after returns and refunds. */
export type KeptLine = {
  line_item_id: string
  product_id: string | null
  quantity: number
  /** Display value; `base_fraction` is the exact one the commission is computed from. */
  base: string
  /** The exact base as [numerator, denominator]. */
  base_fraction?: [string, string]
}

/** One paid level of the chain and the rate or fixed amount it earns. */
export type LevelTerms = {
  level: number
  distributor_id: string
  /** Fraction of the base, e.g. "0.1". */
  rate: BigNumberInput
  /** Where the rate comes from, kept on every line ("level_rate", "grade:<id>", "rule:<id>" …). */
  source: string
}

export type CommissionLine = {
  line_item_id: string
  product_id: string | null
  quantity: number
  base: string
  rate: string
  amount: string
  source: string
}

export type CalculatedCommission = {
  level: number
  distributor_id: string
  amount: string
  lines: CommissionLine[]
}
