import { formatMoney, useI18n } from "../i18n"
import { sdk } from "../medusa"
import { Link } from "../router"
import { ErrorLine, Loading, useLoad } from "../ui"

export function OrderPage({ id }: { id: string }) {
  const { t, locale } = useI18n()
  const { data, error, loading } = useLoad(() => sdk.store.order.retrieve(id), [id])
  if (loading) return <Loading />
  const order = data?.order
  return (
    <section className="center">
      <ErrorLine error={error} />
      {order && (
        <>
          <div className="big-icon">✓</div>
          <h1 data-testid="order-placed">{t("order_placed", { id: order.display_id ?? "" })}</h1>
          <p className="muted">
            {t("order_id")}: <code data-testid="order-id">{order.id}</code>
          </p>
          <p>
            {t("total")}: <b>{formatMoney(order.total, order.currency_code, locale)}</b>
          </p>
        </>
      )}
      <Link to="/" className="button">
        {t("continue_shopping")}
      </Link>
    </section>
  )
}
