import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { validateQuery } from "../../../common/middlewares"
import {
  AdminCreateCampaign,
  AdminCreateGrade,
  AdminCreateRule,
  AdminCreateTier,
  AdminListTermsParams,
  AdminUpdateCampaign,
  AdminUpdateGrade,
  AdminUpdateRule,
  AdminUpdateTier,
} from "./validators"

const list = { defaults: ["id"], isList: true }
const routes = [
  ["grades", AdminCreateGrade, AdminUpdateGrade],
  ["rules", AdminCreateRule, AdminUpdateRule],
  ["campaigns", AdminCreateCampaign, AdminUpdateCampaign],
  ["tiers", AdminCreateTier, AdminUpdateTier],
] as const

/** Grades, product rules, campaigns and sales tiers: list, create, update, delete. */
export const adminTermsMiddlewares: MiddlewareRoute[] = routes.flatMap(([plural, create, update]) => [
  { method: ["GET"], matcher: `/admin/distribution/${plural}`, middlewares: [validateQuery(AdminListTermsParams, list)] },
  { method: ["POST"], matcher: `/admin/distribution/${plural}`, middlewares: [validateAndTransformBody(create)] },
  { method: ["POST"], matcher: `/admin/distribution/${plural}/:id`, middlewares: [validateAndTransformBody(update)] },
])
