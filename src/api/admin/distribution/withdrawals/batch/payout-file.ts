import { MathBN } from "@medusajs/framework/utils"
import { stringify } from "csv-stringify/sync"
import { currencyPrecision } from "../../../../../modules/distribution/calculations"

type Row = { id: string; method: string; net_amount: unknown; currency_code: string }

/** Columns a bank or wallet batch upload asks for, per method: the payee, the real account, the net amount. */
const COLUMNS: Record<string, [header: string, field: string][]> = {
  bank_transfer: [["account_name", "account_name"], ["account_number", "account_number"], ["bank_name", "bank_name"]],
  alipay: [["alipay_account", "account"], ["name", "name"]],
  wechat: [["wechat_account", "account"], ["name", "name"]],
  paypal: [["email", "email"]],
}

export const PAYOUT_METHODS = Object.keys(COLUMNS)

/**
 * The batch payout file, UTF-8 with a BOM (Excel reads Chinese names right): one row per
 * withdrawal, the amount being what the distributor receives (after the fee). It holds the
 * decrypted accounts, as the bank needs them: admin-only, never stored.
 */
export function payoutCsv(method: string, rows: Row[], accounts: Map<string, Record<string, unknown>>): string {
  const columns = COLUMNS[method]
  const body = rows.map((w) => {
    const account = accounts.get(w.id) ?? {}
    const amount = MathBN.convert(w.net_amount as string).toFixed(currencyPrecision(w.currency_code))
    return [w.id, ...columns.map(([, field]) => String(account[field] ?? "")), amount, w.currency_code.toUpperCase(), `Withdrawal ${w.id}`]
  })
  return stringify([["withdrawal_id", ...columns.map(([header]) => header), "amount", "currency_code", "note"], ...body], { bom: true })
}
