import { z } from "@medusajs/framework/zod"
import { LEDGER_ENTRY_TYPES } from "../../../modules/distribution/models/ledger-entry"
import { DateRangeParams, WalletListParams } from "../../admin/distribution/wallet-validators"
import { currencyCode } from "../../common/validators"

export const StoreGetLedgerParams = WalletListParams.merge(DateRangeParams).merge(
  z.object({
    type: z.enum([...LEDGER_ENTRY_TYPES]).optional(),
    currency_code: currencyCode().optional(),
  })
)
export type StoreGetLedgerParamsType = z.infer<typeof StoreGetLedgerParams>

export { MonthParams } from "../../admin/distribution/wallet-validators"
