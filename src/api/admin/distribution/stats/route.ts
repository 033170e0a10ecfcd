import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { distributionService } from "../../../utils"
import type { AdminStatsResponse } from "../../../../types/admin-stats"
import { AdminGetStatsParamsType } from "./validators"

/** The overview of a range of UTC days; see `AdminStatsResponse` for every figure. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetStatsParamsType>, res: MedusaResponse<AdminStatsResponse>) => {
  const { from, to } = req.validatedQuery as AdminGetStatsParamsType
  res.json(await distributionService(req).getOverviewStats({ from, to }))
}
