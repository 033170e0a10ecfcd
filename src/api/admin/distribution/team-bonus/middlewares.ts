import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { validateQuery } from "../../../common/middlewares"
import { AdminCreateTeamBonusPlan, AdminListTeamBonusPayouts, AdminListTeamBonusPlans, AdminPayTeamBonus, AdminUpdateTeamBonusPlan } from "./validators"

const list = { defaults: ["id"], isList: true }

/** 团队分红: plans, paying a closed month, and the payouts. */
export const adminTeamBonusMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/distribution/team-bonus/plans", middlewares: [validateQuery(AdminListTeamBonusPlans, list)] },
  { method: ["POST"], matcher: "/admin/distribution/team-bonus/plans", middlewares: [validateAndTransformBody(AdminCreateTeamBonusPlan)] },
  { method: ["POST"], matcher: "/admin/distribution/team-bonus/plans/:id", middlewares: [validateAndTransformBody(AdminUpdateTeamBonusPlan)] },
  { method: ["POST"], matcher: "/admin/distribution/team-bonus/pay", middlewares: [validateAndTransformBody(AdminPayTeamBonus)] },
  { method: ["GET"], matcher: "/admin/distribution/team-bonus/payouts", middlewares: [validateQuery(AdminListTeamBonusPayouts, list)] },
]
