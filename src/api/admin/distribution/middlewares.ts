import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { validateQuery } from "../../common/middlewares"
import {
  AdminBatchDistributors,
  AdminCreateDistributor,
  AdminGetCommissionsParams,
  AdminGetDistributorsParams,
  AdminGetTeamParams,
  AdminGetWithdrawalsParams,
  AdminMarkWithdrawalPaid,
  AdminOptionalReason,
  AdminReason,
  AdminSetParent,
  AdminSettleCommissions,
  AdminUpdateDistributor,
  AdminUpdateSettings,
} from "./validators"
import { adminStatsMiddlewares } from "./stats/middlewares"
import { listAdminDistributorsQueryConfig } from "./distributors/query-config"
import { listAdminCommissionsQueryConfig } from "./commissions/query-config"
import { listAdminWithdrawalsQueryConfig } from "./withdrawals/query-config"

const list = { defaults: ["id"], isList: true }

// Routes under /admin are authenticated by Medusa itself (user session, bearer or secret API key).
export const adminDistributionMiddlewares: MiddlewareRoute[] = [
  ...adminStatsMiddlewares,
  { method: ["GET"], matcher: "/admin/distribution/distributors", middlewares: [validateQuery(AdminGetDistributorsParams, listAdminDistributorsQueryConfig)] },
  { method: ["POST"], matcher: "/admin/distribution/distributors", middlewares: [validateAndTransformBody(AdminCreateDistributor)] },
  { method: ["POST"], matcher: "/admin/distribution/distributors/batch", middlewares: [validateAndTransformBody(AdminBatchDistributors)] },
  { method: ["POST"], matcher: "/admin/distribution/distributors/:id", middlewares: [validateAndTransformBody(AdminUpdateDistributor)] },
  { method: ["POST"], matcher: "/admin/distribution/distributors/:id/approve", middlewares: [validateAndTransformBody(AdminOptionalReason)] },
  { method: ["POST"], matcher: "/admin/distribution/distributors/:id/reactivate", middlewares: [validateAndTransformBody(AdminOptionalReason)] },
  { method: ["POST"], matcher: "/admin/distribution/distributors/:id/reject", middlewares: [validateAndTransformBody(AdminReason)] },
  { method: ["POST"], matcher: "/admin/distribution/distributors/:id/suspend", middlewares: [validateAndTransformBody(AdminReason)] },
  { method: ["POST"], matcher: "/admin/distribution/distributors/:id/parent", middlewares: [validateAndTransformBody(AdminSetParent)] },
  { method: ["GET"], matcher: "/admin/distribution/distributors/:id/team", middlewares: [validateQuery(AdminGetTeamParams, list)] },
  { method: ["GET"], matcher: "/admin/distribution/commissions", middlewares: [validateQuery(AdminGetCommissionsParams, listAdminCommissionsQueryConfig)] },
  { method: ["POST"], matcher: "/admin/distribution/commissions/settle", middlewares: [validateAndTransformBody(AdminSettleCommissions)] },
  { method: ["GET"], matcher: "/admin/distribution/withdrawals", middlewares: [validateQuery(AdminGetWithdrawalsParams, listAdminWithdrawalsQueryConfig)] },
  { method: ["POST"], matcher: "/admin/distribution/withdrawals/:id/approve", middlewares: [validateAndTransformBody(AdminOptionalReason)] },
  { method: ["POST"], matcher: "/admin/distribution/withdrawals/:id/reject", middlewares: [validateAndTransformBody(AdminReason)] },
  { method: ["POST"], matcher: "/admin/distribution/withdrawals/:id/mark-paid", middlewares: [validateAndTransformBody(AdminMarkWithdrawalPaid)] },
  { method: ["POST"], matcher: "/admin/distribution/settings", middlewares: [validateAndTransformBody(AdminUpdateSettings)] },
]
