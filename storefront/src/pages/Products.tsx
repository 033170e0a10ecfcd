import { sdk } from "../medusa"
import { formatMoney, useI18n } from "../i18n"
import { Link } from "../router"
import { useShop } from "../store"
import { ErrorLine, Loading, ProductImage, useLoad } from "../ui"

export const PRODUCT_FIELDS = "id,title,handle,subtitle,description,thumbnail,*images,*variants,*variants.calculated_price"

/** The lowest calculated price among a product's variants. */
export function lowestPrice(product: { variants?: { calculated_price?: { calculated_amount?: number | null; currency_code?: string | null } | null }[] | null }) {
  const prices = (product.variants ?? [])
    .map((v) => v.calculated_price)
    .filter((p): p is { calculated_amount: number; currency_code: string } => typeof p?.calculated_amount === "number" && !!p.currency_code)
  prices.sort((a, b) => a.calculated_amount - b.calculated_amount)
  return prices[0] ?? null
}

export function ProductsPage() {
  const { t, locale } = useI18n()
  const { region } = useShop()
  const { data, error, loading } = useLoad(
    () => sdk.store.product.list({ region_id: region?.id, fields: PRODUCT_FIELDS, limit: 50 }),
    [region?.id]
  )
  if (loading) return <Loading />
  return (
    <section>
      <h1>{t("products")}</h1>
      <ErrorLine error={error} />
      <div className="grid">
        {data?.products.map((product) => {
          const price = lowestPrice(product)
          return (
            <Link key={product.id} to={`/products/${product.handle}`} className="card product-card" testId={`product-${product.handle}`}>
              <ProductImage src={product.thumbnail} title={product.title} className="thumb" />
              <div className="card-body">
                <div className="title">{product.title}</div>
                <div className="price">{price ? formatMoney(price.calculated_amount, price.currency_code, locale) : t("no_price")}</div>
              </div>
            </Link>
          )
        })}
      </div>
    </section>
  )
}
