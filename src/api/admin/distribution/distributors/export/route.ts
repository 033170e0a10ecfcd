import { exportRoute } from "../../export"

/** The distributors of a date range (by creation) as CSV; see `../../export.ts`. */
export const GET = exportRoute("distributors")
