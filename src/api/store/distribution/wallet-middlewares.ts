import { authenticate, MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { MonthParams, StoreGetLedgerParams } from "./wallet-validators"

const customer = authenticate("customer", ["session", "bearer"])

/** The distributor's wallet: ledger and statements (issue 9). */
export const storeWalletMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/store/distribution/me/ledger",
    middlewares: [customer, validateAndTransformQuery(StoreGetLedgerParams, { defaults: ["id"], isList: true })],
  },
  { method: ["GET"], matcher: "/store/distribution/me/statements", middlewares: [customer, validateAndTransformQuery(MonthParams, {})] },
]
