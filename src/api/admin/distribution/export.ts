import { pipeline } from "node:stream/promises"
import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { stringify } from "csv-stringify"
import { distributionService } from "../../utils"
import { dateRange, DateRangeQuery } from "../../wallet"
import { EXPORT_COLUMNS, ExportKind } from "../../../modules/distribution/services/audit-export"

/**
 * `GET /admin/distribution/<kind>/export?from=&to=`: a CSV streamed from a database cursor
 * through csv-stringify, UTF-8 with a BOM so Excel shows Chinese text right. Memory stays
 * flat however many rows the range holds.
 */
export const exportRoute = (kind: ExportKind) => async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.validatedQuery as DateRangeQuery
  const rows = await distributionService(req).streamExport(kind, dateRange(query))
  const span = [query.from, query.to].filter(Boolean).join("_to_") || "all"
  res.setHeader("Content-Type", "text/csv; charset=utf-8")
  res.setHeader("Content-Disposition", `attachment; filename="distribution-${kind}-${span.replace(/[^\w.-]/g, "")}.csv"`)
  res.setHeader("Cache-Control", "no-store")
  const csv = stringify({
    header: true,
    bom: true,
    columns: EXPORT_COLUMNS[kind],
    cast: { date: (d: Date) => d.toISOString(), object: (o: object) => JSON.stringify(o) },
  })
  try {
    await pipeline(rows, csv, res)
  } catch (error) {
    if (!res.headersSent) throw error
    res.destroy(error as Error)
  }
}
