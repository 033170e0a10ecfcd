import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { distributionService } from "../../../../utils"
import { invalid } from "../../../../../modules/distribution/errors"
import { AdminBatchWithdrawalsType } from "../../wallet-validators"
import { PAYOUT_METHODS, payoutCsv } from "./payout-file"

/**
 * The CSV for a bank or Alipay batch upload of approved withdrawals of one method, with the
 * real (decrypted) accounts. Changes nothing: mark them paid with `batch/mark-paid` once
 * the upload went through.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminBatchWithdrawalsType>, res: MedusaResponse) => {
  const service = distributionService(req)
  const { ids } = req.validatedBody
  const rows = await service.listWithdrawals({ id: ids }, { order: { created_at: "ASC", id: "ASC" } })
  const found = new Set(rows.map((w) => w.id))
  const missing = ids.filter((id) => !found.has(id))
  if (missing.length) throw invalid(`Withdrawals not found: ${missing.join(", ")}`)
  const notApproved = rows.filter((w) => w.status !== "approved")
  if (notApproved.length) {
    throw invalid(`Only approved withdrawals go into a payout file: ${notApproved.map((w) => `${w.id} is ${w.status}`).join("; ")}`)
  }
  const methods = [...new Set(rows.map((w) => w.method))]
  if (methods.length > 1) throw invalid(`A payout file holds one method; these are ${methods.join(", ")}: select withdrawals of one method`)
  if (!PAYOUT_METHODS.includes(methods[0])) throw invalid(`Withdrawals by ${methods[0]} are not paid through a file`)

  const accounts = await service.openWithdrawalAccounts(ids)
  const date = new Date().toISOString().slice(0, 10)
  res.setHeader("Content-Type", "text/csv; charset=utf-8")
  res.setHeader("Content-Disposition", `attachment; filename="withdrawals-${methods[0]}-${date}.csv"`)
  res.setHeader("Cache-Control", "no-store")
  res.send(payoutCsv(methods[0], rows, accounts))
}
