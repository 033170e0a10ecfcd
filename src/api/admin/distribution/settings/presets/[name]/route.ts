import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { changeSettingsWorkflow } from "../../../../../../workflows/settings/workflows/change-settings"
import { presetNamed, SETTINGS_PRESETS } from "../../../../../../modules/distribution/presets"

/** Applies a preset as one recorded settings change (validated like any other change). */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const preset = presetNamed(req.params.name)
  if (!preset) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `There is no preset "${String(req.params.name).slice(0, 40)}"; the presets are ${SETTINGS_PRESETS.map((p) => p.name).join(", ")}`
    )
  }
  const { result } = await changeSettingsWorkflow(req.scope).run({
    input: { patch: preset.settings, actor_id: req.auth_context?.actor_id ?? null },
  })
  res.json({ settings: result, preset: preset.name })
}
