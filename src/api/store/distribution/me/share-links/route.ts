import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { STORE_WIDE_LINK_ID, StoreShareLinkResponse, StoreShareLinksResponse } from "../../../../../client/types"
import { distributionService, myDistributor, pageOf } from "../../../../utils"
import { notAllowed, notFound } from "../../../../../modules/distribution/errors"
import { StoreCreateShareLinkType } from "../../validators"
import { buildShareLink, productsById } from "./share-link"

/**
 * A share link with its QR codes: the store-wide link carries my own code, a product
 * link its own code ("one item, one code"), created once and reused.
 */
export const POST = async (req: AuthenticatedMedusaRequest<StoreCreateShareLinkType>, res: MedusaResponse<StoreShareLinkResponse>) => {
  const distributor = await myDistributor(req)
  if (distributor.status !== "active") {
    throw notAllowed(`Your distributor account is ${distributor.status}: share links work once it is active`)
  }
  const service = distributionService(req)
  const { storefront_url } = await service.getSettings()
  const productId = req.validatedBody.product_id
  if (!productId) {
    res.json({ share_link: await buildShareLink(storefront_url, { id: STORE_WIDE_LINK_ID, code: distributor.code, product: null }) })
    return
  }

  const product = (await productsById(req, [productId])).get(productId)
  if (!product) throw notFound(`Product ${productId} was not found`)
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
  res.json({ share_link: await buildShareLink(storefront_url, { id: link.id, code: link.code, product }) })
}

/** My share links: the store-wide link first, then my product links, newest first. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreShareLinksResponse>) => {
  const distributor = await myDistributor(req)
  const service = distributionService(req)
  const { storefront_url } = await service.getSettings()
  const page = pageOf(req)

  // The store-wide link is row 0 of the list; product links follow.
  const wantStoreLink = page.skip === 0 && page.take > 0
  const [links, productCount] = await service.listAndCountShareLinks(
    { distributor_id: distributor.id },
    { take: wantStoreLink ? page.take - 1 : page.take, skip: Math.max(0, page.skip - 1), order: { created_at: "DESC" } }
  )
  const products = await productsById(req, links.map((l) => l.product_id))
  const rows = [
    ...(wantStoreLink ? [{ id: STORE_WIDE_LINK_ID, code: distributor.code, product: null }] : []),
    ...links.map((l) => ({ id: l.id, code: l.code, product: products.get(l.product_id) ?? null })),
  ]
  const share_links = await Promise.all(rows.map((row) => buildShareLink(storefront_url, row)))
  res.json({ share_links, count: productCount + 1, limit: page.take, offset: page.skip })
}
