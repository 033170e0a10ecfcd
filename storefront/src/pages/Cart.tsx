import { useState, type FormEvent } from "react"
import { formatMoney, useI18n } from "../i18n"
import { sdk } from "../medusa"
import { Link, useRouter } from "../router"
import { useShop } from "../store"
import { ErrorLine, ProductImage } from "../ui"

const ADDRESS_FIELDS = ["first_name", "last_name", "address_1", "city", "postal_code", "phone"] as const

export function CartPage() {
  const { t, locale } = useI18n()
  const { cart, customer, region, updateLine, forgetCart } = useShop()
  const { navigate } = useRouter()
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)
  const [form, setForm] = useState<Record<string, string>>({
    email: customer?.email ?? "",
    first_name: customer?.first_name ?? "",
    last_name: customer?.last_name ?? "",
    address_1: "",
    city: "",
    postal_code: "",
    phone: "",
    country_code: region?.countries?.find((c) => c.iso_2 === "us")?.iso_2 ?? region?.countries?.[0]?.iso_2 ?? "us",
  })
  const items = cart?.items ?? []
  const currency = cart?.currency_code
  const code = (cart?.metadata as Record<string, unknown> | null)?.distribution_code as string | undefined

  if (!cart || items.length === 0) {
    return (
      <section>
        <h1>{t("cart")}</h1>
        <p className="muted">{t("cart_empty")}</p>
        <Link to="/" className="button">
          {t("continue_shopping")}
        </Link>
      </section>
    )
  }

  /** Medusa's checkout, step by step: address → shipping method → payment session (system provider) → complete. */
  const pay = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setFailure(null)
    try {
      const { email, ...address } = form
      await sdk.store.cart.update(cart.id, { email, shipping_address: address, billing_address: address })
      const { shipping_options } = await sdk.store.fulfillment.listCartOptions({ cart_id: cart.id })
      if (!shipping_options.length) throw new Error("No shipping option for this address")
      await sdk.store.cart.addShippingMethod(cart.id, { option_id: shipping_options[0].id })
      const { cart: fresh } = await sdk.store.cart.retrieve(cart.id, { fields: "+payment_collection.*" })
      await sdk.store.payment.initiatePaymentSession(fresh, { provider_id: "pp_system_default" })
      const result = await sdk.store.cart.complete(cart.id)
      if (result.type !== "order") throw new Error(result.error?.message ?? "The order could not be placed")
      forgetCart()
      navigate(`/order/${result.order.id}`)
    } catch (e) {
      setFailure(e)
    } finally {
      setBusy(false)
    }
  }

  const field = (name: string, label: string, type = "text") => (
    <label key={name}>
      {label}
      <input
        name={name}
        type={type}
        required={name !== "phone"}
        value={form[name] ?? ""}
        onChange={(e) => setForm({ ...form, [name]: e.target.value })}
      />
    </label>
  )
  const labels: Record<(typeof ADDRESS_FIELDS)[number], string> = {
    first_name: t("first_name"),
    last_name: t("last_name"),
    address_1: t("address"),
    city: t("city"),
    postal_code: t("postal_code"),
    phone: t("phone"),
  }

  return (
    <section>
      <h1>{t("cart")}</h1>
      <ul className="lines">
        {items.map((item) => (
          <li key={item.id} className="line" data-testid="cart-line">
            <ProductImage src={item.thumbnail} title={item.product_title ?? item.title} className="line-thumb" />
            <div className="grow">
              <div className="title">{item.product_title ?? item.title}</div>
              <div className="muted">{formatMoney(item.unit_price, currency, locale)}</div>
            </div>
            <div className="qty">
              <button aria-label="-" onClick={() => updateLine(item.id, item.quantity - 1)}>
                −
              </button>
              <span>{item.quantity}</span>
              <button aria-label="+" onClick={() => updateLine(item.id, item.quantity + 1)}>
                +
              </button>
            </div>
          </li>
        ))}
      </ul>
      <dl className="totals">
        <dt>{t("subtotal")}</dt>
        <dd>{formatMoney(cart.item_subtotal ?? cart.subtotal, currency, locale)}</dd>
        {!!cart.discount_total && (
          <>
            <dt>{t("discount")}</dt>
            <dd>−{formatMoney(cart.discount_total, currency, locale)}</dd>
          </>
        )}
        {!!cart.shipping_total && (
          <>
            <dt>{t("shipping")}</dt>
            <dd>{formatMoney(cart.shipping_total, currency, locale)}</dd>
          </>
        )}
        <dt>{t("total")}</dt>
        <dd data-testid="cart-total">
          <b>{formatMoney(cart.total, currency, locale)}</b>
        </dd>
      </dl>
      {code && (
        <p className="note" data-testid="cart-code">
          {t("cart_code", { code })}
        </p>
      )}
      <h2>{t("checkout")}</h2>
      <form className="form" onSubmit={pay}>
        {field("email", t("email"), "email")}
        {ADDRESS_FIELDS.map((name) => field(name, labels[name]))}
        <label>
          {t("country")}
          <select value={form.country_code} onChange={(e) => setForm({ ...form, country_code: e.target.value })}>
            {(region?.countries ?? []).map((c) => (
              <option key={c.iso_2} value={c.iso_2}>
                {c.display_name}
              </option>
            ))}
          </select>
        </label>
        <ErrorLine error={failure} />
        <button className="primary block" type="submit" data-testid="pay" disabled={busy}>
          {busy ? t("placing") : `${t("pay_system")} · ${formatMoney(cart.total, currency, locale)}`}
        </button>
      </form>
    </section>
  )
}
