import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { distributionService, pageOf } from "../../../utils"
import { formatLedgerEntry, ledgerFilters } from "../../../wallet"
import { AdminGetLedgerParamsType } from "../wallet-validators"

/** Every wallet movement, newest first, by distributor, type and date range. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.validatedQuery as AdminGetLedgerParamsType
  const page = pageOf(req)
  const [entries, count] = await distributionService(req).listAndCountLedgerEntries(ledgerFilters(query), {
    ...page,
    order: { created_at: "DESC", id: "DESC" },
  })
  res.json({ ledger_entries: entries.map((e) => formatLedgerEntry(e)), count, limit: page.take, offset: page.skip })
}
