import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import QRCode from "qrcode"
import { distributionService, myDistributor } from "../../../../utils"
import { notAllowed, notFound } from "../../../../../modules/distribution/errors"
import { StoreCreateShareLinkType } from "../../validators"

/**
 * A share link with its QR code: the store-wide link carries my own code, a product
 * link its own code ("one item, one code"), created once and reused.
 */
export const POST = async (req: AuthenticatedMedusaRequest<StoreCreateShareLinkType>, res: MedusaResponse) => {
  const distributor = await myDistributor(req)
  if (distributor.status !== "active") {
    throw notAllowed(`Your distributor account is ${distributor.status}: share links work once it is active`)
  }
  const service = distributionService(req)
  const settings = await service.getSettings()
  const base = settings.storefront_url.replace(/\/+$/, "")
  const productId = req.validatedBody.product_id

  let code = distributor.code
  let url = `${base}/?ref=${encodeURIComponent(code)}`
  if (productId) {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "product", fields: ["id", "handle"], filters: { id: productId } })
    if (!data[0]) throw notFound(`Product ${productId} was not found`)
    const find = async () => (await service.listShareLinks({ distributor_id: distributor.id, product_id: productId }, { take: 1 }))[0]
    let link = await find()
    if (!link) {
      try {
        link = await service.createShareLinks({ distributor_id: distributor.id, product_id: productId, code: service.generateCode() })
      } catch (error) {
        // A double click created it a moment ago: that link is the one to share.
        link = await find()
        if (!link) throw error
      }
    }
    code = link.code
    url = `${base}/products/${encodeURIComponent(data[0].handle)}?ref=${encodeURIComponent(code)}`
  }

  const qr_svg = await QRCode.toString(url, { type: "svg", margin: 1 })
  res.json({ share_link: { code, url, qr_svg, product_id: productId ?? null } })
}
