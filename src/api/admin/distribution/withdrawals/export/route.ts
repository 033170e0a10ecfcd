import { exportRoute } from "../../export"

/** The withdrawals of a date range (by creation) as CSV; see `../../export.ts`. */
export const GET = exportRoute("withdrawals")
