import { useState, type FormEvent } from "react"
import { useI18n } from "../i18n"
import { Link } from "../router"
import { useShop } from "../store"
import { ErrorLine } from "../ui"

export function AccountPage() {
  const { t } = useI18n()
  const { customer, boundTo, login, register, logout } = useShop()
  const [mode, setMode] = useState<"login" | "register">("login")
  const [form, setForm] = useState({ email: "", password: "", first_name: "", last_name: "" })
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)

  if (customer) {
    return (
      <section>
        <h1 data-testid="hello">{t("hello", { name: customer.first_name || customer.email })}</h1>
        <p className="muted">{customer.email}</p>
        {boundTo && (
          <p className="note" data-testid="bound-to">
            {t("bound_to", { name: boundTo })}
          </p>
        )}
        <Link to="/distribution" className="button primary block">
          {t("go_centre")}
        </Link>
        <button className="block" onClick={() => logout()}>
          {t("logout")}
        </button>
      </section>
    )
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setFailure(null)
    try {
      if (mode === "login") await login(form.email, form.password)
      else await register(form)
    } catch (e) {
      setFailure(e)
    } finally {
      setBusy(false)
    }
  }
  const input = (name: keyof typeof form, label: string, type = "text") => (
    <label>
      {label}
      <input name={name} type={type} required value={form[name]} onChange={(e) => setForm({ ...form, [name]: e.target.value })} />
    </label>
  )

  return (
    <section>
      <h1>{mode === "login" ? t("login") : t("register")}</h1>
      <form className="form" onSubmit={submit}>
        {mode === "register" && input("first_name", t("first_name"))}
        {mode === "register" && input("last_name", t("last_name"))}
        {input("email", t("email"), "email")}
        {input("password", t("password"), "password")}
        <ErrorLine error={failure} />
        <button className="primary block" type="submit" data-testid="account-submit" disabled={busy}>
          {mode === "login" ? t("login") : t("register")}
        </button>
      </form>
      <button className="link" onClick={() => setMode(mode === "login" ? "register" : "login")}>
        {mode === "login" ? t("no_account") : t("have_account")}
      </button>
    </section>
  )
}
