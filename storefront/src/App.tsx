import { useI18n } from "./i18n"
import { AccountPage } from "./pages/Account"
import { CartPage } from "./pages/Cart"
import { CentrePage } from "./pages/Centre"
import { OrderPage } from "./pages/Order"
import { ProductPage } from "./pages/Product"
import { ProductsPage } from "./pages/Products"
import { Link, useRouter } from "./router"
import { useShop } from "./store"
import { Icon } from "./ui"

export function App() {
  const { t, lang, setLang } = useI18n()
  const { path } = useRouter()
  const { ready, cart, referrer } = useShop()
  const count = cart?.items?.reduce((sum, item) => sum + item.quantity, 0) ?? 0

  let page
  if (!ready) page = <p className="muted">{t("loading")}</p>
  else if (path.startsWith("/products/")) page = <ProductPage handle={decodeURIComponent(path.slice("/products/".length))} />
  else if (path === "/cart") page = <CartPage />
  else if (path.startsWith("/order/")) page = <OrderPage id={path.slice("/order/".length)} />
  else if (path === "/account") page = <AccountPage />
  else if (path.startsWith("/distribution")) page = <CentrePage tab={path.slice("/distribution".length).replace(/^\//, "") || "overview"} />
  else page = <ProductsPage />

  return (
    <div className="app">
      <header className="topbar">
        <Link to="/" className="brand">
          <Icon name="leaf" /> {t("shop")}
        </Link>
        <button className="lang" data-testid="lang-switch" onClick={() => setLang(lang === "zh" ? "en" : "zh")}>
          {t("lang_switch")}
        </button>
      </header>
      {referrer && (
        <div className="ref-banner" data-testid="ref-banner">
          {t("ref_banner", { name: referrer })}
        </div>
      )}
      <main>{page}</main>
      <nav className="tabbar">
        <Link to="/" className={path === "/" || path.startsWith("/products") ? "active" : ""}>
          <span>
            <Icon name="home" />
          </span>
          {t("nav_shop")}
        </Link>
        <Link to="/cart" className={path === "/cart" ? "active" : ""} testId="nav-cart">
          <span>
            <Icon name="cart" />
            {count > 0 && <b className="badge">{count}</b>}
          </span>
          {t("nav_cart")}
        </Link>
        <Link to="/distribution" className={path.startsWith("/distribution") ? "active" : ""} testId="nav-centre">
          <span>
            <Icon name="share" />
          </span>
          {t("nav_centre")}
        </Link>
        <Link to="/account" className={path === "/account" ? "active" : ""} testId="nav-account">
          <span>
            <Icon name="user" />
          </span>
          {t("nav_account")}
        </Link>
      </nav>
    </div>
  )
}
