import { exportRoute } from "../../export"

/** The commissions of a date range (by creation) as CSV; see `../../export.ts`. */
export const GET = exportRoute("commissions")
