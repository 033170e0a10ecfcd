import { defineMiddlewares } from "@medusajs/framework/http"
import { adminDistributionMiddlewares } from "./admin/distribution/middlewares"
import { storeDistributionMiddlewares } from "./store/distribution/middlewares"
import { adminTermsMiddlewares } from "./admin/distribution/terms/middlewares"

export default defineMiddlewares({
  routes: [...storeDistributionMiddlewares, ...adminDistributionMiddlewares, ...adminTermsMiddlewares],
})
