import { exportRoute } from "../../export"

/** The ledger of a date range (by creation) as CSV; see `../../export.ts`. */
export const GET = exportRoute("ledger")
