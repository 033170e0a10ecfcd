import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { validateQuery } from "../../../common/middlewares"
import { AdminCreateMaterial, AdminListMaterials, AdminUpdateMaterial } from "./validators"

/** 推广素材: promotional materials by grade. */
export const adminMaterialsMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/distribution/materials", middlewares: [validateQuery(AdminListMaterials, { defaults: ["id"], isList: true })] },
  { method: ["POST"], matcher: "/admin/distribution/materials", middlewares: [validateAndTransformBody(AdminCreateMaterial)] },
  { method: ["POST"], matcher: "/admin/distribution/materials/:id", middlewares: [validateAndTransformBody(AdminUpdateMaterial)] },
]
