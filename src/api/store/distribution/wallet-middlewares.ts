import { authenticate, MiddlewareRoute } from "@medusajs/framework/http"
import { validateQuery } from "../../common/middlewares"
import { MonthParams, StoreGetLedgerParams } from "./wallet-validators"

const customer = authenticate("customer", ["session", "bearer"])

/** The distributor's wallet: ledger and statements (issue 9). */
export const storeWalletMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/store/distribution/me/ledger",
    middlewares: [customer, validateQuery(StoreGetLedgerParams, { defaults: ["id"], isList: true })],
  },
  { method: ["GET"], matcher: "/store/distribution/me/statements", middlewares: [customer, validateQuery(MonthParams, {})] },
]
