import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { validateQuery } from "../../../common/middlewares"
import {
  AdminCreateCampaign,
  AdminCreateGrade,
  AdminCreateRule,
  AdminCreateTier,
  AdminListTermsParams,
  AdminPreviewTerms,
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
export const adminTermsMiddlewares: MiddlewareRoute[] = [
  { method: ["POST"], matcher: "/admin/distribution/rules/preview", middlewares: [validateAndTransformBody(AdminPreviewTerms)] },
  ...routes.flatMap(([plural, create, update]): MiddlewareRoute[] => [
    { method: ["GET"], matcher: `/admin/distribution/${plural}`, middlewares: [validateQuery(AdminListTermsParams, list)] },
    { method: ["POST"], matcher: `/admin/distribution/${plural}`, middlewares: [validateAndTransformBody(create)] },
    {
      method: ["POST"],
      // Not `/rules/preview`, which has its own body.
      matcher: new RegExp(`^/admin/distribution/${plural}/(?!preview/?$)[^/]+/?$`),
      middlewares: [validateAndTransformBody(update)],
    },
  ]),
]
