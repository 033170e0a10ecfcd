import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateQuery } from "../../../common/middlewares"
import { AdminGetStatsParams } from "./validators"

export const adminStatsMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/distribution/stats", middlewares: [validateQuery(AdminGetStatsParams, {})] },
]
