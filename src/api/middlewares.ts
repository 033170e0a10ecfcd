import { defineMiddlewares } from "@medusajs/framework/http"
import { adminDistributionMiddlewares } from "./admin/distribution/middlewares"
import { storeDistributionMiddlewares } from "./store/distribution/middlewares"
import { adminTermsMiddlewares } from "./admin/distribution/terms/middlewares"
import { adminTeamBonusMiddlewares } from "./admin/distribution/team-bonus/middlewares"

export default defineMiddlewares({
  routes: [...storeDistributionMiddlewares, ...adminDistributionMiddlewares, ...adminTermsMiddlewares, ...adminTeamBonusMiddlewares],
})
