import { defineMiddlewares } from "@medusajs/framework/http"
import { adminDistributionMiddlewares } from "./admin/distribution/middlewares"
import { storeDistributionMiddlewares } from "./store/distribution/middlewares"
import { adminTermsMiddlewares } from "./admin/distribution/terms/middlewares"
import { pathGuardMiddlewares } from "./common/path-guard"

export default defineMiddlewares({
  routes: [...pathGuardMiddlewares, ...storeDistributionMiddlewares, ...adminDistributionMiddlewares, ...adminTermsMiddlewares],
})
