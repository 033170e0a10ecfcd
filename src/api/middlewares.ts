import { defineMiddlewares } from "@medusajs/framework/http"
import { adminDistributionMiddlewares } from "./admin/distribution/middlewares"
import { storeDistributionMiddlewares } from "./store/distribution/middlewares"
import { adminTermsMiddlewares } from "./admin/distribution/terms/middlewares"
import { pathGuardMiddlewares } from "./common/path-guard"
import { adminWalletMiddlewares } from "./admin/distribution/wallet-middlewares"
import { storeWalletMiddlewares } from "./store/distribution/wallet-middlewares"

export default defineMiddlewares({
  routes: [
    ...pathGuardMiddlewares,
    ...storeDistributionMiddlewares,
    ...adminDistributionMiddlewares,
    ...adminTermsMiddlewares,
    ...adminWalletMiddlewares,
    ...storeWalletMiddlewares,
  ],
})
