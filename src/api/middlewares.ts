import { defineMiddlewares } from "@medusajs/framework/http"
import { adminDistributionMiddlewares } from "./admin/distribution/middlewares"
import { storeDistributionMiddlewares } from "./store/distribution/middlewares"

export default defineMiddlewares({
  routes: [...storeDistributionMiddlewares, ...adminDistributionMiddlewares],
})
