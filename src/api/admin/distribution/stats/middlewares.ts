import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminGetStatsParams } from "./validators"

export const adminStatsMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/distribution/stats", middlewares: [validateAndTransformQuery(AdminGetStatsParams, {})] },
]
