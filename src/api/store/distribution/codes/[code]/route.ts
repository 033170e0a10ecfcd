import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { distributionService } from "../../../../utils"

/** Whether a code is valid, and whose it is (display name only); records the visit. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const service = distributionService(req)
  const code = String(req.params.code).trim().toUpperCase()
  const resolved = await service.resolveCode(code)
  const valid = !!resolved && resolved.distributor.status === "active"
  if (!valid) {
    res.json({ code, valid: false, distributor: null, product_id: null })
    return
  }
  await service.createCodeVisits({ code, distributor_id: resolved.distributor.id, product_id: resolved.product_id })
  res.json({
    code,
    valid: true,
    distributor: { display_name: resolved.distributor.display_name ?? resolved.distributor.code },
    product_id: resolved.product_id,
  })
}
