import { z } from "@medusajs/framework/zod"
import { currencyCode, findParams, safeId, safeText } from "../../common/validators"
import { LEDGER_ENTRY_TYPES } from "../../../modules/distribution/models/ledger-entry"

/** A date (`2026-11-30`, UTC) or a date and time (ISO 8601). */
export const DateParam = safeText({ min: 1, max: 40 }).refine((v) => /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(v) && !Number.isNaN(Date.parse(v)), {
    message: "must be a date (YYYY-MM-DD) or an ISO 8601 date and time",
  })

export const DateRangeParams = z.object({ from: DateParam.optional(), to: DateParam.optional() })

/** `limit` 1–100 (the documented maximum), `offset` ≥ 0. */
export const WalletListParams = findParams()

export const AdminGetLedgerParams = WalletListParams.merge(DateRangeParams).merge(
  z.object({
    distributor_id: safeId().optional(),
    type: z.enum([...LEDGER_ENTRY_TYPES]).optional(),
    currency_code: currencyCode().optional(),
  })
)
export type AdminGetLedgerParamsType = z.infer<typeof AdminGetLedgerParams>

export const AdminCreateAdjustment = z.strictObject({
  amount: z
    .number()
    .finite()
    .refine((n) => n !== 0, { message: "must not be zero: a positive amount credits the wallet, a negative one debits it" }),
  currency_code: currencyCode(),
  reason: safeText({ min: 1, max: 500 }),
})
export type AdminCreateAdjustmentType = z.infer<typeof AdminCreateAdjustment>

export const AdminMarkWithdrawalFailed = z.strictObject({ reason: safeText({ min: 1, max: 500 }) })

export const MonthParams = z.object({
  month: safeText({ min: 1, max: 7 }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be a month as YYYY-MM").optional(),
})
export type MonthParamsType = z.infer<typeof MonthParams>

const withdrawalId = safeId()
const unique = (ids: string[]) => new Set(ids).size === ids.length

export const AdminBatchWithdrawals = z.strictObject({
  ids: z.array(withdrawalId).min(1).max(500).refine(unique, { message: "lists a withdrawal twice" }),
})
export type AdminBatchWithdrawalsType = z.infer<typeof AdminBatchWithdrawals>

export const AdminBatchMarkPaid = z.strictObject({
  items: z
    .array(z.strictObject({ id: withdrawalId, reference: safeText({ min: 1, max: 200 }) }))
    .min(1)
    .max(500)
    .refine((items) => unique(items.map((i) => i.id)), { message: "lists a withdrawal twice" }),
})
export type AdminBatchMarkPaidType = z.infer<typeof AdminBatchMarkPaid>
