import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { StoreCodeResponse } from "../../../../../client/types"
import { distributionService } from "../../../../utils"
import { chargeCodeMiss } from "../../../../rate-limits/middleware"
import { visitorHash, visitWindowMinutes } from "../../../../visitor"
import { resolveShareCode } from "../../../../../workflows/share/resolve-share-code"
import { recordShareVisitWorkflow } from "../../../../../workflows/share/workflows/record-share-visit"

/**
 * Whether a code is valid, and whose it is (display name only). A valid code records a
 * visit, once per visitor and window; an unknown or inactive one counts against the
 * caller's allowance of misses, so codes cannot be found by guessing.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse<StoreCodeResponse>) => {
  const code = String(req.params.code).trim().toUpperCase()
  const resolved = code.length <= 64 ? await resolveShareCode(distributionService(req), code) : null
  if (!resolved || !resolved.active) {
    await chargeCodeMiss(req)
    res.json({ code, valid: false, distributor: null, product_id: null })
    return
  }
  await recordShareVisitWorkflow(req.scope).run({
    input: {
      code,
      distributor_id: resolved.distributor_id,
      share_link_id: resolved.share_link_id,
      product_id: resolved.product_id,
      visitor_hash: visitorHash(req),
      window_minutes: visitWindowMinutes(),
    },
  })
  res.json({ code, valid: true, distributor: { display_name: resolved.display_name }, product_id: resolved.product_id })
}
