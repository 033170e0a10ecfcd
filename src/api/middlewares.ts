import { defineMiddlewares } from "@medusajs/framework/http"
import { adminDistributionMiddlewares } from "./admin/distribution/middlewares"
import { storeDistributionMiddlewares } from "./store/distribution/middlewares"
import { adminTermsMiddlewares } from "./admin/distribution/terms/middlewares"
import { adminTeamBonusMiddlewares } from "./admin/distribution/team-bonus/middlewares"
import { distributionErrorHandler, pathGuardMiddlewares } from "./common/middlewares"
import { adminWalletMiddlewares } from "./admin/distribution/wallet-middlewares"
import { storeWalletMiddlewares } from "./store/distribution/wallet-middlewares"
import { adminMaterialsMiddlewares } from "./admin/distribution/materials/middlewares"
import { storeMaterialsMiddlewares } from "./store/distribution/me/materials/middlewares"

export default defineMiddlewares({
  errorHandler: distributionErrorHandler(),
  routes: [
    ...pathGuardMiddlewares,
    ...storeDistributionMiddlewares,
    ...adminDistributionMiddlewares,
    ...adminTermsMiddlewares,
    ...adminTeamBonusMiddlewares,
    ...adminWalletMiddlewares,
    ...storeWalletMiddlewares,
    ...adminMaterialsMiddlewares,
    ...storeMaterialsMiddlewares,
  ],
})
