import { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import QRCode from "qrcode"
import { STORE_WIDE_LINK_ID, StoreShareLink } from "../../../../../client/types"
import { distributionService } from "../../../../utils"

// Fixed options: the same link always gives the same QR, byte for byte (posters can be cached).
const QR_OPTIONS = { margin: 1, errorCorrectionLevel: "M" } as const
const QR_PNG_WIDTH = 480

export type ShareProduct = { id: string; title: string; handle: string; thumbnail: string | null }

/** `{storefront_url}/?ref=CODE` for the store-wide link, `{storefront_url}/products/{handle}?ref=CODE` for a product. */
export function shareUrl(storefrontUrl: string, code: string, product: ShareProduct | null): string {
  const base = storefrontUrl.replace(/\/+$/, "")
  const ref = `ref=${encodeURIComponent(code)}`
  return product ? `${base}/products/${encodeURIComponent(product.handle)}?${ref}` : `${base}/?${ref}`
}

export async function qrCodes(url: string): Promise<{ qr_svg: string; qr_png: string }> {
  const [qr_svg, qr_png] = await Promise.all([
    QRCode.toString(url, { ...QR_OPTIONS, type: "svg" }),
    QRCode.toDataURL(url, { ...QR_OPTIONS, type: "image/png", width: QR_PNG_WIDTH }),
  ])
  return { qr_svg, qr_png }
}

export async function buildShareLink(
  storefrontUrl: string,
  link: { id: string; code: string; product: ShareProduct | null }
): Promise<StoreShareLink> {
  const url = shareUrl(storefrontUrl, link.code, link.product)
  return { id: link.id, code: link.code, url, product_id: link.product?.id ?? null, product: link.product, ...(await qrCodes(url)) }
}

/** Title, handle and thumbnail of products, by id (products deleted since are left out). */
export async function productsById(req: MedusaRequest, ids: string[]): Promise<Map<string, ShareProduct>> {
  if (!ids.length) return new Map()
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product", fields: ["id", "title", "handle", "thumbnail"], filters: { id: ids } })
  return new Map(
    (data as ShareProduct[]).map((p) => [p.id, { id: p.id, title: p.title, handle: p.handle, thumbnail: p.thumbnail ?? null }])
  )
}

/** A distributor's links: the store-wide one (id `store`, their own code) and their product links by id. */
export async function findMyLink(req: MedusaRequest, distributor: { id: string; code: string }, id: string) {
  if (id === STORE_WIDE_LINK_ID) return { id: STORE_WIDE_LINK_ID, code: distributor.code, product_id: null as string | null }
  const [link] = await distributionService(req).listShareLinks({ id, distributor_id: distributor.id }, { take: 1 })
  return link ? { id: link.id, code: link.code, product_id: link.product_id as string | null } : null
}
