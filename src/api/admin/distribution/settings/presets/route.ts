import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SETTINGS_PRESETS } from "../../../../../modules/distribution/presets"

/** The presets a merchant can apply, with what each sets. */
export const GET = async (_req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ presets: SETTINGS_PRESETS })
}
