import { authenticate, MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { validateQuery } from "../../common/middlewares"
import { rateLimit } from "../../rate-limits/middleware"
import {
  StoreApply,
  StoreBind,
  StoreCartDistribution,
  StoreCreateShareLink,
  StoreGetCommissionsParams,
  StoreGetLinksParams,
  StoreGetPosterParams,
  StoreGetShareLinksParams,
  StoreCreateWithdrawal,
  StoreGetTeamParams,
  StoreGetWithdrawalsParams,
} from "./validators"

const customer = authenticate("customer", ["session", "bearer"])

export const storeDistributionMiddlewares: MiddlewareRoute[] = [
  { method: ["POST"], matcher: "/store/distribution/apply", middlewares: [customer, rateLimit("apply"), validateAndTransformBody(StoreApply)] },
  { method: ["GET"], matcher: "/store/distribution/me", middlewares: [customer] },
  {
    method: ["GET"],
    matcher: "/store/distribution/me/team",
    middlewares: [customer, validateQuery(StoreGetTeamParams, { defaults: ["id"], isList: true })],
  },
  {
    method: ["GET"],
    matcher: "/store/distribution/me/commissions",
    middlewares: [customer, validateQuery(StoreGetCommissionsParams, { defaults: ["id"], isList: true })],
  },
  {
    method: ["POST"],
    matcher: "/store/distribution/me/share-links",
    middlewares: [customer, validateAndTransformBody(StoreCreateShareLink)],
  },
  {
    method: ["POST"],
    matcher: "/store/distribution/me/withdrawals",
    middlewares: [customer, validateAndTransformBody(StoreCreateWithdrawal)],
  },
  {
    method: ["GET"],
    matcher: "/store/distribution/me/withdrawals",
    middlewares: [customer, validateQuery(StoreGetWithdrawalsParams, { defaults: ["id"], isList: true })],
  },
  { method: ["POST"], matcher: "/store/distribution/bind", middlewares: [customer, rateLimit("bind"), validateAndTransformBody(StoreBind)] },
  { method: ["GET"], matcher: "/store/distribution/codes/:code", middlewares: [rateLimit("codes")] },
  {
    method: ["GET"],
    matcher: "/store/distribution/me/share-links",
    middlewares: [customer, validateQuery(StoreGetShareLinksParams, { defaults: ["id"], isList: true })],
  },
  {
    method: ["GET"],
    matcher: "/store/distribution/me/share-links/:id/poster",
    middlewares: [customer, validateQuery(StoreGetPosterParams, {})],
  },
  {
    method: ["GET"],
    matcher: "/store/distribution/me/links",
    middlewares: [customer, validateQuery(StoreGetLinksParams, { defaults: ["id"], isList: true })],
  },
  {
    method: ["POST"],
    matcher: "/store/carts/:id/distribution",
    middlewares: [validateAndTransformBody(StoreCartDistribution)],
  },
]
