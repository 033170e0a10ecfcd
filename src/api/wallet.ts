/** Shared by the wallet's admin and store routes: date ranges, ledger filters and the ledger entry as the API shows it. */
import { asNumber } from "./utils"

export type DateRangeQuery = { from?: string; to?: string }

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

/**
 * `from` is inclusive, `to` exclusive; a bare date in `to` means "through that day", so
 * `?from=2026-11-01&to=2026-11-30` is all of November. Dates without a time are UTC.
 */
export function dateRange({ from, to }: DateRangeQuery): { from: Date | null; to: Date | null } {
  const end = to ? new Date(to) : null
  if (end && to && DATE_ONLY.test(to)) end.setUTCDate(end.getUTCDate() + 1)
  return { from: from ? new Date(from) : null, to: end }
}

export function createdWithin(range: DateRangeQuery) {
  const { from, to } = dateRange(range)
  if (!from && !to) return {}
  return { created_at: { ...(from ? { $gte: from } : {}), ...(to ? { $lt: to } : {}) } }
}

export function ledgerFilters(q: DateRangeQuery & { distributor_id?: string; type?: string; currency_code?: string }) {
  return {
    ...(q.distributor_id ? { distributor_id: q.distributor_id } : {}),
    ...(q.type ? { type: q.type as "settlement" } : {}),
    ...(q.currency_code ? { currency_code: q.currency_code.toLowerCase() } : {}),
    ...createdWithin(q),
  }
}

export function formatLedgerEntry(e: Record<string, any>, { forDistributor = false } = {}) {
  return {
    id: e.id,
    distributor_id: e.distributor_id,
    currency_code: e.currency_code,
    amount: asNumber(e.amount),
    type: e.type,
    reference_id: e.reference_id,
    note: e.note,
    ...(forDistributor ? {} : { created_by: e.created_by ?? null }),
    created_at: e.created_at,
  }
}

/** `YYYY-MM` (UTC) as [start, end); the current month when none is given. */
export function monthOf({ month }: { month?: string }) {
  const now = new Date()
  const [year, m] = month ? month.split("-").map(Number) : [now.getUTCFullYear(), now.getUTCMonth() + 1]
  return {
    month: `${year}-${String(m).padStart(2, "0")}`,
    start: new Date(Date.UTC(year, m - 1, 1)),
    end: new Date(Date.UTC(year, m, 1)),
  }
}
