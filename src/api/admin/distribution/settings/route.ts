import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { changeSettingsWorkflow } from "../../../../workflows/settings/workflows/change-settings"
import { distributionService } from "../../../utils"
import { AdminUpdateSettingsType } from "../validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service = distributionService(req)
  const settings = await service.getSettings()
  const changes = await service.listSettingChanges({}, { take: 20, order: { created_at: "DESC" } })
  res.json({ settings, changes })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateSettingsType>, res: MedusaResponse) => {
  const { result } = await changeSettingsWorkflow(req.scope).run({
    input: { patch: req.validatedBody, actor_id: req.auth_context?.actor_id ?? null },
  })
  res.json({ settings: result })
}
