import type {
  CommissionStatus,
  StoreBalance,
  StoreDistributor,
  StoreShareLink,
  WithdrawalMethod,
} from "medusa-plugin-distribution/client"
import { useEffect, useRef, useState, type FormEvent } from "react"
import { formatDate, formatMoney, useI18n, type MessageKey } from "../i18n"
import { distribution, sdk, statusOf } from "../medusa"
import { drawPoster } from "../poster"
import { Link } from "../router"
import { useShop } from "../store"
import { CopyButton, ErrorLine, Loading, useLoad } from "../ui"
import { MaterialsPage } from "./Materials"
import { WalletPage } from "./Wallet"

const TABS = ["overview", "links", "team", "commissions", "withdrawals", "wallet", "materials", "performance"] as const
type Tab = (typeof TABS)[number]

/** 推广中心: the distributor's own pages, all on the typed client. */
export function CentrePage({ tab }: { tab: string }) {
  const { t } = useI18n()
  const { customer } = useShop()
  const me = useLoad(async () => {
    if (!customer) return null
    try {
      return await distribution.getMe()
    } catch (error) {
      if (statusOf(error) === 404) return null // not a distributor yet
      throw error
    }
  }, [customer?.id])

  if (!customer) {
    return (
      <section>
        <h1>{t("centre")}</h1>
        <p className="muted">{t("centre_login")}</p>
        <Link to="/account" className="button primary block">
          {t("login")}
        </Link>
      </section>
    )
  }
  if (me.loading && !me.data) return <Loading />
  if (me.error) return <ErrorLine error={me.error} />
  if (!me.data) return <Apply onApplied={me.reload} />
  const { distributor, balances } = me.data
  if (distributor.status !== "active") return <Status distributor={distributor} />

  const current: Tab = (TABS as readonly string[]).includes(tab) ? (tab as Tab) : "overview"
  return (
    <section>
      <h1>{t("centre")}</h1>
      <nav className="tabs" data-testid="centre-tabs">
        {TABS.map((name) => (
          <Link key={name} to={name === "overview" ? "/distribution" : `/distribution/${name}`} className={name === current ? "active" : ""} testId={`tab-${name}`}>
            {t(`tab_${name}` as MessageKey)}
          </Link>
        ))}
      </nav>
      {current === "overview" && <Overview distributor={distributor} balances={balances} />}
      {current === "links" && <ShareLinks />}
      {current === "team" && <Team />}
      {current === "commissions" && <Commissions />}
      {current === "withdrawals" && <Withdrawals balances={balances} onChange={me.reload} />}
      {current === "wallet" && <WalletPage />}
      {current === "materials" && <MaterialsPage />}
      {current === "performance" && <Performance />}
    </section>
  )
}

function Apply({ onApplied }: { onApplied: () => void }) {
  const { t } = useI18n()
  const [name, setName] = useState("")
  const [failure, setFailure] = useState<unknown>(null)
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setFailure(null)
    try {
      await distribution.apply(name.trim() ? { display_name: name.trim() } : {})
      onApplied()
    } catch (e) {
      setFailure(e)
    }
  }
  return (
    <section>
      <h1>{t("apply_title")}</h1>
      <p className="muted">{t("apply_text")}</p>
      <form className="form" onSubmit={submit}>
        <label>
          {t("display_name")}
          <input name="display_name" value={name} onChange={(e) => setName(e.target.value)} maxLength={60} />
        </label>
        <ErrorLine error={failure} />
        <button className="primary block" type="submit" data-testid="apply">
          {t("apply")}
        </button>
      </form>
    </section>
  )
}

function Status({ distributor }: { distributor: StoreDistributor }) {
  const { t } = useI18n()
  const text =
    distributor.status === "pending"
      ? t("pending_text")
      : t(distributor.status === "rejected" ? "rejected_text" : "suspended_text", { reason: distributor.status_reason ?? "—" })
  return (
    <section>
      <h1>{t("centre")}</h1>
      <div className="card pad">
        <div className={`pill ${distributor.status}`} data-testid="distributor-status">
          {t(`status_${distributor.status}` as MessageKey)}
        </div>
        <p>{text}</p>
      </div>
    </section>
  )
}

function Overview({ distributor, balances }: { distributor: StoreDistributor; balances: StoreBalance[] }) {
  const { t, locale } = useI18n()
  return (
    <>
      <div className="card pad hero-card">
        <div className="muted">{distributor.display_name}</div>
        <div className="muted small">{t("my_code")}</div>
        <div className="code" data-testid="my-code">
          {distributor.code}
        </div>
        <div className={`pill ${distributor.status}`}>{t(`status_${distributor.status}` as MessageKey)}</div>
      </div>
      <h2>{t("balances")}</h2>
      {balances.length === 0 && <p className="muted">{t("no_balance")}</p>}
      {balances.map((b) => (
        <div key={b.currency_code} className="stats" data-testid={`balance-${b.currency_code}`}>
          {(["available", "pending", "frozen", "withdrawn"] as const).map((k) => (
            <div key={k} className="stat">
              <b data-testid={`balance-${k}`}>{formatMoney(b[k], b.currency_code, locale)}</b>
              <span>{t(`bal_${k}` as MessageKey)}</span>
            </div>
          ))}
        </div>
      ))}
    </>
  )
}

function ShareLinks() {
  const { t } = useI18n()
  const { region } = useShop()
  const links = useLoad(() => distribution.listShareLinks({ limit: 50 }), [])
  const products = useLoad(() => sdk.store.product.list({ fields: "id,title,handle", limit: 100 }), [])
  const [productId, setProductId] = useState("")
  const [failure, setFailure] = useState<unknown>(null)
  const [posterFor, setPosterFor] = useState<StoreShareLink | null>(null)

  const make = async (event: FormEvent) => {
    event.preventDefault()
    setFailure(null)
    try {
      const { share_link } = await distribution.createShareLink({ product_id: productId })
      await links.reload()
      setPosterFor(share_link)
    } catch (e) {
      setFailure(e)
    }
  }

  const all = links.data?.share_links ?? []
  const store = all.find((l) => l.product_id === null)
  const productLinks = all.filter((l) => l.product_id !== null)
  return (
    <>
      {links.loading && !links.data && <Loading />}
      <ErrorLine error={links.error} />
      {store && (
        <>
          <h2>{t("store_link")}</h2>
          <LinkCard link={store} onPoster={() => setPosterFor(store)} />
        </>
      )}
      <h2>{t("make_link")}</h2>
      <form className="form row" onSubmit={make}>
        <select value={productId} onChange={(e) => setProductId(e.target.value)} required data-testid="link-product">
          <option value="">{t("choose_product")}</option>
          {products.data?.products.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </select>
        <button className="primary" type="submit" data-testid="make-link">
          {t("make")}
        </button>
      </form>
      <ErrorLine error={failure} />
      {productLinks.length > 0 && <h2>{t("product_links")}</h2>}
      {productLinks.map((link) => (
        <LinkCard key={link.id} link={link} onPoster={() => setPosterFor(link)} />
      ))}
      {posterFor && <PosterDialog link={posterFor} regionId={region?.id} onClose={() => setPosterFor(null)} />}
    </>
  )
}

function LinkCard({ link, onPoster }: { link: StoreShareLink; onPoster: () => void }) {
  const { t } = useI18n()
  return (
    <div className="card pad link-card" data-testid={`link-${link.product?.handle ?? "store"}`}>
      <img className="qr" src={link.qr_png} alt={link.url} width={96} height={96} />
      <div className="grow">
        <div className="title">{link.product?.title ?? t("store_link")}</div>
        <div className="url" data-testid="link-url">
          {link.url}
        </div>
        <div className="actions">
          <CopyButton text={link.url} />
          <button className="small primary" onClick={onPoster} data-testid="open-poster">
            {t("poster")}
          </button>
        </div>
      </div>
    </div>
  )
}

function PosterDialog({ link, regionId, onClose }: { link: StoreShareLink; regionId?: string; onClose: () => void }) {
  const { t, locale } = useI18n()
  const canvas = useRef<HTMLCanvasElement>(null)
  const [ready, setReady] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)
  useEffect(() => {
    let live = true
    setReady(false)
    distribution
      .getPoster(link.id, { region_id: regionId })
      .then(async ({ poster }) => {
        if (!live || !canvas.current) return
        await drawPoster(canvas.current, poster, t, locale, t("shop"))
        if (live) setReady(true)
      })
      .catch((e) => live && setFailure(e))
    return () => {
      live = false
    }
    // t changes identity with the language, which is what should redraw the poster.
  }, [link.id, regionId, locale, t])

  const download = () => {
    const a = document.createElement("a")
    a.href = canvas.current!.toDataURL("image/png")
    a.download = `poster-${link.code}.png`
    a.click()
  }
  return (
    <div className="dialog" role="dialog" data-testid="poster-dialog">
      <div className="dialog-body">
        <canvas ref={canvas} className="poster" data-testid="poster-canvas" data-ready={ready ? "true" : "false"} />
        <ErrorLine error={failure} />
        <div className="actions">
          <button className="primary" onClick={download} disabled={!ready} data-testid="download-poster">
            {t("download_png")}
          </button>
          <button onClick={onClose}>{t("close")}</button>
        </div>
      </div>
    </div>
  )
}

function Team() {
  const { t, locale } = useI18n()
  const [level, setLevel] = useState(1)
  const team = useLoad(() => distribution.listTeam({ level, limit: 100 }), [level])
  return (
    <>
      <div className="segmented">
        {[1, 2, 3].map((n) => (
          <button key={n} className={n === level ? "active" : ""} onClick={() => setLevel(n)} data-testid={`team-level-${n}`}>
            {t("level", { n })}
            {n === level && team.data ? ` · ${team.data.count}` : ""}
          </button>
        ))}
      </div>
      {team.loading && <Loading />}
      <ErrorLine error={team.error} />
      {team.data?.members.length === 0 && <p className="muted">{t("team_empty")}</p>}
      <ul className="list" data-testid="team-list">
        {team.data?.members.map((m) => (
          <li key={m.id} className="row-item">
            <div className="avatar">{(m.display_name ?? m.code).slice(0, 1)}</div>
            <div className="grow">
              <div className="title">{m.display_name ?? m.code}</div>
              <div className="muted small">
                {m.code} · {t("joined")} {formatDate(m.created_at, locale)}
              </div>
            </div>
            <span className={`pill ${m.status}`}>{t(`status_${m.status}` as MessageKey)}</span>
          </li>
        ))}
      </ul>
    </>
  )
}

const COMMISSION_STATUSES: CommissionStatus[] = ["pending", "frozen", "settled", "canceled"]

function Commissions() {
  const { t, locale } = useI18n()
  const [status, setStatus] = useState<CommissionStatus | "">("")
  const list = useLoad(() => distribution.listCommissions({ status: status || undefined, limit: 100 }), [status])
  return (
    <>
      <div className="segmented">
        {(["", ...COMMISSION_STATUSES] as const).map((s) => (
          <button key={s || "all"} className={s === status ? "active" : ""} onClick={() => setStatus(s)} data-testid={`com-status-${s || "all"}`}>
            {s ? t(`com_${s}` as MessageKey) : t("all")}
          </button>
        ))}
      </div>
      {list.loading && <Loading />}
      <ErrorLine error={list.error} />
      {list.data?.commissions.length === 0 && <p className="muted">{t("com_empty")}</p>}
      <ul className="list" data-testid="commission-list">
        {list.data?.commissions.map((c) => (
          <li key={c.id} className="card pad commission" data-testid="commission">
            <div className="row">
              <div className="grow">
                <div className="title">
                  {t("order")} {c.order_id.slice(-8)} · {t("level", { n: c.level })}
                </div>
                <div className="muted small">{formatDate(c.created_at, locale)}</div>
              </div>
              <div className="right">
                <b className="amount">{formatMoney(c.amount, c.currency_code, locale)}</b>
                <span className={`pill ${c.status}`}>{t(`com_${c.status}` as MessageKey)}</span>
              </div>
            </div>
            {c.reversed_amount > 0 && (
              <div className="muted small">
                {t("reversed")}: {formatMoney(c.reversed_amount, c.currency_code, locale)}
              </div>
            )}
            <details>
              <summary>
                {t("lines")} ({c.lines.length})
              </summary>
              <table className="lines-table">
                <thead>
                  <tr>
                    <th>{t("quantity")}</th>
                    <th>{t("line_base")}</th>
                    <th>{t("line_rate")}</th>
                    <th>{t("line_amount")}</th>
                  </tr>
                </thead>
                <tbody>
                  {c.lines.map((line) => (
                    <tr key={line.line_item_id}>
                      <td>{line.quantity}</td>
                      <td>{formatMoney(line.base, c.currency_code, locale)}</td>
                      <td>{(line.rate * 100).toFixed(1).replace(/\.0$/, "")}%</td>
                      <td>{formatMoney(line.amount, c.currency_code, locale)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </li>
        ))}
      </ul>
    </>
  )
}

function Withdrawals({ balances, onChange }: { balances: StoreBalance[]; onChange: () => void }) {
  const { t, locale } = useI18n()
  const config = useLoad(() => distribution.getConfig(), [])
  const list = useLoad(() => distribution.listWithdrawals({ limit: 50 }), [])
  const methods = config.data?.config.withdrawal.methods ?? []
  const [form, setForm] = useState({ amount: "", currency_code: balances[0]?.currency_code ?? "usd", method: "" as WithdrawalMethod | "", account: "", name: "" })
  const [failure, setFailure] = useState<unknown>(null)
  const [done, setDone] = useState<string | null>(null)
  const balance = balances.find((b) => b.currency_code === form.currency_code)
  const method = form.method || methods[0]

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setFailure(null)
    setDone(null)
    try {
      const { withdrawal } = await distribution.requestWithdrawal({
        amount: Number(form.amount),
        currency_code: form.currency_code,
        method: method!,
        account: { account: form.account, name: form.name },
      })
      setDone(t("requested", { amount: formatMoney(withdrawal.amount, withdrawal.currency_code, locale) }))
      setForm({ ...form, amount: "" })
      await list.reload()
      onChange()
    } catch (e) {
      setFailure(e)
    }
  }

  const rules = config.data?.config.withdrawal
  return (
    <>
      <h2>{t("withdraw_title")}</h2>
      {balance && (
        <p className="muted">
          {t("bal_available")}: <b data-testid="available">{formatMoney(balance.available, balance.currency_code, locale)}</b>
          {rules && ` · ${t("withdraw_rules", { min: formatMoney(rules.min, form.currency_code, locale), fee: +(rules.fee_rate * 100).toFixed(2) })}`}
        </p>
      )}
      <form className="form" onSubmit={submit}>
        <label>
          {t("amount")}
          <input name="amount" type="number" inputMode="decimal" step="0.01" min="0" required value={form.amount} onChange={(e) => setForm({ ...form, amount: e.target.value })} />
        </label>
        {balances.length > 1 && (
          <label>
            {t("currency")}
            <select value={form.currency_code} onChange={(e) => setForm({ ...form, currency_code: e.target.value })}>
              {balances.map((b) => (
                <option key={b.currency_code} value={b.currency_code}>
                  {b.currency_code.toUpperCase()}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t("method")}
          <select name="method" value={method ?? ""} onChange={(e) => setForm({ ...form, method: e.target.value as WithdrawalMethod })}>
            {methods.map((m) => (
              <option key={m} value={m}>
                {t(`m_${m}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("account")}
          <input name="account" required value={form.account} onChange={(e) => setForm({ ...form, account: e.target.value })} />
        </label>
        <label>
          {t("account_name")}
          <input name="name" required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        </label>
        <ErrorLine error={failure} />
        {done && (
          <p className="note" data-testid="withdrawal-done">
            {done}
          </p>
        )}
        <button className="primary block" type="submit" data-testid="request-withdrawal" disabled={!method}>
          {t("request")}
        </button>
      </form>
      <h2>{t("my_withdrawals")}</h2>
      {list.data?.withdrawals.length === 0 && <p className="muted">{t("wd_empty")}</p>}
      <ul className="list" data-testid="withdrawal-list">
        {list.data?.withdrawals.map((w) => (
          <li key={w.id} className="row-item" data-testid="withdrawal">
            <div className="grow">
              <div className="title">
                {formatMoney(w.amount, w.currency_code, locale)} · {t(`m_${w.method}` as MessageKey)}
              </div>
              <div className="muted small">
                {formatDate(w.created_at, locale)} · {t("fee")} {formatMoney(w.fee_amount, w.currency_code, locale)} · {t("net")}{" "}
                {formatMoney(w.net_amount, w.currency_code, locale)}
                {w.reason ? ` · ${w.reason}` : ""}
              </div>
            </div>
            <span className={`pill ${w.status}`}>{t(`wd_${w.status}` as MessageKey)}</span>
          </li>
        ))}
      </ul>
    </>
  )
}

function Performance() {
  const { t, locale } = useI18n()
  const stats = useLoad(() => distribution.listLinkStats({ limit: 50 }), [])
  const shares = useLoad(() => distribution.listShareLinks({ limit: 50 }), [])
  const titles = new Map((shares.data?.share_links ?? []).map((l) => [l.code, l.product?.title ?? t("store_link")]))
  if (stats.loading) return <Loading />
  return (
    <>
      <ErrorLine error={stats.error} />
      {stats.data?.links.length === 0 && <p className="muted">{t("perf_empty")}</p>}
      <ul className="list" data-testid="performance-list">
        {stats.data?.links.map((link) => (
          <li key={link.id} className="card pad" data-testid="performance">
            <div className="title">{titles.get(link.code) ?? (link.product_id ? link.code : t("store_link"))}</div>
            <div className="muted small url">{link.url}</div>
            <div className="stats four">
              <div className="stat">
                <b>{link.visits}</b>
                <span>{t("visits")}</span>
              </div>
              <div className="stat">
                <b>{link.carts}</b>
                <span>{t("carts")}</span>
              </div>
              <div className="stat">
                <b>{link.orders}</b>
                <span>{t("orders")}</span>
              </div>
              <div className="stat">
                <b>{link.kept_gmv.length ? link.kept_gmv.map((g) => formatMoney(g.amount, g.currency_code, locale)).join(" + ") : "—"}</b>
                <span>{t("kept_gmv")}</span>
              </div>
            </div>
          </li>
        ))}
      </ul>
    </>
  )
}
