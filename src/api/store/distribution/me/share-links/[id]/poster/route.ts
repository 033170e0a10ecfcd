import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MathBN, Modules, QueryContext } from "@medusajs/framework/utils"
import { StorePosterResponse } from "../../../../../../../client/types"
import { distributionService, myDistributor } from "../../../../../../utils"
import { notAllowed, notFound } from "../../../../../../../modules/distribution/errors"
import { StoreGetPosterParamsType } from "../../../../validators"
import { findMyLink, qrCodes, shareUrl } from "../../share-link"

type PricedProduct = {
  id: string
  title: string
  handle: string
  thumbnail: string | null
  images?: { url: string }[]
  variants?: { calculated_price?: { calculated_amount?: unknown; currency_code?: string } | null }[]
}

/**
 * What a storefront needs to draw a share poster: product image, title and price, the
 * link with its QR code, and my name. The price is the lowest of the product's variants
 * for `region_id` (its currency and price lists), or for `currency_code`, or else in the
 * store's default currency, as Medusa's pricing calculates it.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<StorePosterResponse>) => {
  const distributor = await myDistributor(req)
  if (distributor.status !== "active") {
    throw notAllowed(`Your distributor account is ${distributor.status}: share posters work once it is active`)
  }
  const link = await findMyLink(req, distributor, req.params.id)
  if (!link) throw notFound(`You have no share link ${req.params.id}`)
  const { storefront_url } = await distributionService(req).getSettings()
  const display_name = distributor.display_name ?? distributor.code

  if (!link.product_id) {
    const [store] = await req.scope.resolve(Modules.STORE).listStores({}, { take: 1, select: ["id", "name"] })
    const url = shareUrl(storefront_url, link.code, null)
    res.json({
      poster: { title: store?.name ?? "", image: null, price: null, currency_code: null, url, display_name, ...(await qrCodes(url)) },
    })
    return
  }

  const pricing = await pricingContext(req, req.validatedQuery as StoreGetPosterParamsType)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product",
    fields: ["id", "title", "handle", "thumbnail", "images.url", "variants.id", "variants.calculated_price.*"],
    filters: { id: link.product_id },
    context: { variants: { calculated_price: QueryContext(pricing) } },
  })
  const product = data[0] as PricedProduct | undefined
  if (!product) throw notFound(`The product of share link ${link.id} no longer exists`)

  const prices = (product.variants ?? [])
    .map((v) => v.calculated_price?.calculated_amount)
    .filter((amount) => amount !== null && amount !== undefined)
    .map((amount) => MathBN.convert(amount as string))
  const lowest = prices.length ? prices.reduce((min, p) => (p.lt(min) ? p : min)) : null
  const url = shareUrl(storefront_url, link.code, product)
  res.json({
    poster: {
      title: product.title,
      image: product.thumbnail ?? product.images?.[0]?.url ?? null,
      price: lowest ? lowest.toNumber() : null,
      currency_code: pricing.currency_code,
      url,
      display_name,
      ...(await qrCodes(url)),
    },
  })
}

/** The region's currency when a region is given; else the asked currency; else the store's default one. */
async function pricingContext(
  req: AuthenticatedMedusaRequest,
  params: StoreGetPosterParamsType
): Promise<{ region_id?: string; currency_code: string }> {
  if (params.region_id) {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "region", fields: ["id", "currency_code"], filters: { id: params.region_id } })
    if (!data[0]) throw notFound(`Region ${params.region_id} was not found`)
    return { region_id: data[0].id, currency_code: data[0].currency_code }
  }
  if (params.currency_code) return { currency_code: params.currency_code.toLowerCase() }
  const [store] = await req.scope
    .resolve(Modules.STORE)
    .listStores({}, { take: 1, relations: ["supported_currencies"] })
  const currency = store?.supported_currencies?.find((c) => c.is_default) ?? store?.supported_currencies?.[0]
  return { currency_code: currency?.currency_code ?? "usd" }
}
