import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { validateQuery } from "../../common/middlewares"
import {
  AdminBatchMarkPaid,
  AdminBatchWithdrawals,
  AdminCreateAdjustment,
  AdminGetLedgerParams,
  AdminMarkWithdrawalFailed,
  DateRangeParams,
  MonthParams,
} from "./wallet-validators"

const list = { defaults: ["id"], isList: true }

/** The wallet and audit routes (issue 9); admin routes are authenticated by Medusa itself. */
export const adminWalletMiddlewares: MiddlewareRoute[] = [
  { method: ["POST"], matcher: "/admin/distribution/distributors/:id/adjustments", middlewares: [validateAndTransformBody(AdminCreateAdjustment)] },
  { method: ["POST"], matcher: "/admin/distribution/withdrawals/:id/mark-failed", middlewares: [validateAndTransformBody(AdminMarkWithdrawalFailed)] },
  { method: ["GET"], matcher: "/admin/distribution/ledger", middlewares: [validateQuery(AdminGetLedgerParams, list)] },
  { method: ["GET"], matcher: "/admin/distribution/distributors/:id/statements", middlewares: [validateQuery(MonthParams, {})] },
  { method: ["POST"], matcher: "/admin/distribution/withdrawals/batch", middlewares: [validateAndTransformBody(AdminBatchWithdrawals)] },
  { method: ["POST"], matcher: "/admin/distribution/withdrawals/batch/mark-paid", middlewares: [validateAndTransformBody(AdminBatchMarkPaid)] },
  ...["commissions", "distributors", "withdrawals", "ledger"].map(
    (kind): MiddlewareRoute => ({ method: ["GET"], matcher: `/admin/distribution/${kind}/export`, middlewares: [validateQuery(DateRangeParams, {})] })
  ),
  { method: ["GET"], matcher: "/admin/distribution/reconciliation", middlewares: [validateQuery(DateRangeParams, {})] },
]
