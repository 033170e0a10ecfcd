import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { distributionService, myDistributor, pageOf } from "../../../../utils"
import { formatLedgerEntry, ledgerFilters } from "../../../../wallet"
import { StoreGetLedgerParamsType } from "../../wallet-validators"

/** My wallet's movements, newest first: what every change of my balance was. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const distributor = await myDistributor(req)
  const query = req.validatedQuery as StoreGetLedgerParamsType
  const page = pageOf(req)
  const [entries, count] = await distributionService(req).listAndCountLedgerEntries(
    ledgerFilters({ ...query, distributor_id: distributor.id }),
    { ...page, order: { created_at: "DESC", id: "DESC" } }
  )
  res.json({ ledger_entries: entries.map((e) => formatLedgerEntry(e, { forDistributor: true })), count, limit: page.take, offset: page.skip })
}
