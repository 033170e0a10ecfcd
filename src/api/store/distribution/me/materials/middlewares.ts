import { authenticate, MiddlewareRoute } from "@medusajs/framework/http"
import { validateQuery } from "../../../../common/middlewares"
import { findParams } from "../../../../common/validators"

export const StoreGetMaterialsParams = findParams()

export const storeMaterialsMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/store/distribution/me/materials",
    middlewares: [authenticate("customer", ["session", "bearer"]), validateQuery(StoreGetMaterialsParams, { defaults: ["id"], isList: true })],
  },
]
