import { useState } from "react"
import { formatMoney, useI18n } from "../i18n"
import { sdk } from "../medusa"
import { useRouter } from "../router"
import { useShop } from "../store"
import { ErrorLine, Loading, ProductImage, useLoad } from "../ui"
import { PRODUCT_FIELDS } from "./Products"

export function ProductPage({ handle }: { handle: string }) {
  const { t, locale } = useI18n()
  const { region, addToCart } = useShop()
  const { navigate } = useRouter()
  const [variantId, setVariantId] = useState<string>("")
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)
  const { data, error, loading } = useLoad(
    () => sdk.store.product.list({ handle, region_id: region?.id, fields: PRODUCT_FIELDS }),
    [handle, region?.id]
  )
  if (loading) return <Loading />
  const product = data?.products[0]
  if (!product) return <ErrorLine error={error ?? new Error(handle)} />
  const variants = product.variants ?? []
  const variant = variants.find((v) => v.id === variantId) ?? variants[0]
  const price = variant?.calculated_price

  const add = async () => {
    if (!variant) return
    setBusy(true)
    setFailure(null)
    try {
      await addToCart(variant.id, 1)
      navigate("/cart")
    } catch (e) {
      setFailure(e)
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="product">
      <ProductImage src={product.thumbnail ?? product.images?.[0]?.url} title={product.title} className="hero" />
      <h1 data-testid="product-title">{product.title}</h1>
      <div className="price big">
        {typeof price?.calculated_amount === "number" ? formatMoney(price.calculated_amount, price.currency_code, locale) : t("no_price")}
      </div>
      {product.description && <p className="muted">{product.description}</p>}
      {variants.length > 1 && (
        <select value={variant?.id} onChange={(e) => setVariantId(e.target.value)}>
          {variants.map((v) => (
            <option key={v.id} value={v.id}>
              {v.title}
            </option>
          ))}
        </select>
      )}
      <ErrorLine error={failure} />
      <button className="primary block" data-testid="add-to-cart" disabled={busy || !variant} onClick={add}>
        {t("add_to_cart")}
      </button>
    </section>
  )
}
