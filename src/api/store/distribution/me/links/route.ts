import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { STORE_WIDE_LINK_ID, StoreLinksResponse } from "../../../../../client/types"
import { distributionService, myDistributor, pageOf } from "../../../../utils"
import { productsById, shareUrl } from "../share-links/share-link"

/**
 * "My links": how each of my share links performs: visits, carts that carry its code,
 * orders attributed through it and the goods value kept on them, per currency. The
 * store-wide link (my own code) comes first, then product links, newest first.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreLinksResponse>) => {
  const distributor = await myDistributor(req)
  const service = distributionService(req)
  const { storefront_url } = await service.getSettings()
  const page = pageOf(req)

  const wantStoreLink = page.skip === 0 && page.take > 0
  const [links, productCount] = await service.listAndCountShareLinks(
    { distributor_id: distributor.id },
    { take: wantStoreLink ? page.take - 1 : page.take, skip: Math.max(0, page.skip - 1), order: { created_at: "DESC" } }
  )
  const rows = [
    ...(wantStoreLink ? [{ id: STORE_WIDE_LINK_ID, code: distributor.code, product_id: null as string | null }] : []),
    ...links.map((l) => ({ id: l.id, code: l.code, product_id: l.product_id as string | null })),
  ]
  const [funnels, products] = await Promise.all([
    service.getLinkFunnels(distributor.id, rows.map((r) => r.code)),
    productsById(req, links.map((l) => l.product_id)),
  ])
  const byCode = new Map(funnels.map((f) => [f.code, f]))
  res.json({
    links: rows.map((row) => {
      const funnel = byCode.get(row.code)
      return {
        id: row.id,
        code: row.code,
        product_id: row.product_id,
        url: shareUrl(storefront_url, row.code, row.product_id ? products.get(row.product_id) ?? null : null),
        visits: funnel?.visits ?? 0,
        carts: funnel?.carts ?? 0,
        orders: funnel?.orders ?? 0,
        kept_gmv: funnel?.kept_gmv ?? [],
      }
    }),
    count: productCount + 1,
    limit: page.take,
    offset: page.skip,
  })
}
