import { authenticate, MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
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
    middlewares: [customer, validateAndTransformQuery(StoreGetTeamParams, { defaults: ["id"], isList: true })],
  },
  {
    method: ["GET"],
    matcher: "/store/distribution/me/commissions",
    middlewares: [customer, validateAndTransformQuery(StoreGetCommissionsParams, { defaults: ["id"], isList: true })],
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
    middlewares: [customer, validateAndTransformQuery(StoreGetWithdrawalsParams, { defaults: ["id"], isList: true })],
  },
  { method: ["POST"], matcher: "/store/distribution/bind", middlewares: [customer, rateLimit("bind"), validateAndTransformBody(StoreBind)] },
  { method: ["GET"], matcher: "/store/distribution/codes/:code", middlewares: [rateLimit("codes")] },
  {
    method: ["GET"],
    matcher: "/store/distribution/me/share-links",
    middlewares: [customer, validateAndTransformQuery(StoreGetShareLinksParams, { defaults: ["id"], isList: true })],
  },
  {
    method: ["GET"],
    matcher: "/store/distribution/me/share-links/:id/poster",
    middlewares: [customer, validateAndTransformQuery(StoreGetPosterParams, {})],
  },
  {
    method: ["GET"],
    matcher: "/store/distribution/me/links",
    middlewares: [customer, validateAndTransformQuery(StoreGetLinksParams, { defaults: ["id"], isList: true })],
  },
  {
    method: ["POST"],
    matcher: "/store/carts/:id/distribution",
    middlewares: [validateAndTransformBody(StoreCartDistribution)],
  },
]
