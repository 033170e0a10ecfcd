import type { StoreCommission, StoreLedgerEntry, StoreWithdrawal } from "medusa-plugin-distribution/client"
import { useState } from "react"
import { formatDateTime, formatMoney, formatMonth, formatSignedMoney, useI18n, type MessageKey, type T } from "../i18n"
import { distribution } from "../medusa"
import { ErrorLine, Loading, useLoad } from "../ui"

const PAGE = 20

/** 钱包: the month's statement (opening, money in, money out, closing) and every movement, explained. */
export function WalletPage() {
  return (
    <>
      <Statement />
      <Ledger />
    </>
  )
}

/** `YYYY-MM` of now, in UTC: statements are by UTC month. */
const thisMonth = () => new Date().toISOString().slice(0, 7)

function shiftMonth(month: string, by: number): string {
  const [year, m] = month.split("-").map(Number)
  return new Date(Date.UTC(year, m - 1 + by, 1)).toISOString().slice(0, 7)
}

function Statement() {
  const { t, locale } = useI18n()
  const [month, setMonth] = useState(thisMonth)
  const statements = useLoad(() => distribution.getStatements({ month }), [month])
  const latest = month >= thisMonth()
  return (
    <>
      <h2>{t("statement")}</h2>
      <div className="month-picker">
        <button className="small" onClick={() => setMonth(shiftMonth(month, -1))} aria-label={t("prev_month")} data-testid="prev-month">
          ‹
        </button>
        <b data-testid="statement-month">{formatMonth(month, locale)}</b>
        <button className="small" onClick={() => setMonth(shiftMonth(month, 1))} disabled={latest} aria-label={t("next_month")} data-testid="next-month">
          ›
        </button>
      </div>
      {statements.loading && !statements.data && <Loading />}
      <ErrorLine error={statements.error} />
      {statements.data?.statements.length === 0 && (
        <p className="muted" data-testid="statement-empty">
          {t("st_empty")}
        </p>
      )}
      {statements.data?.statements.map((s) => (
        <div key={s.currency_code} className="stats statement" data-testid={`statement-${s.currency_code}`}>
          {(
            [
              ["opening", s.opening],
              ["credits", s.credits],
              ["debits", s.debits],
              ["closing", s.closing],
            ] as const
          ).map(([part, amount]) => (
            <div key={part} className={`stat ${part}`}>
              <b data-testid={`statement-${part}`}>{formatMoney(amount, s.currency_code, locale)}</b>
              <span>{t(`st_${part}` as MessageKey)}</span>
            </div>
          ))}
        </div>
      ))}
    </>
  )
}

function Ledger() {
  const { t, locale } = useI18n()
  const [offset, setOffset] = useState(0)
  const page = useLoad(() => distribution.listLedger({ limit: PAGE, offset }), [offset])
  // What the entries point at (a commission, a withdrawal), to say it in words; the newest
  // 100 of each cover a distributor's recent pages, older ones fall back to a general sentence.
  const refs = useLoad(async () => {
    const [commissions, withdrawals] = await Promise.all([
      distribution.listCommissions({ limit: 100 }).catch(() => null),
      distribution.listWithdrawals({ limit: 100 }).catch(() => null),
    ])
    return {
      commissions: new Map((commissions?.commissions ?? []).map((c) => [c.id, c])),
      withdrawals: new Map((withdrawals?.withdrawals ?? []).map((w) => [w.id, w])),
    }
  }, [])

  const count = page.data?.count ?? 0
  return (
    <>
      <h2>{t("ledger")}</h2>
      {(page.loading || refs.loading) && !page.data && <Loading />}
      <ErrorLine error={page.error} />
      {page.data?.ledger_entries.length === 0 && <p className="muted">{t("ledger_empty")}</p>}
      {page.data && refs.data && (
        <ul className="list" data-testid="ledger-list">
          {page.data.ledger_entries.map((e) => (
            <li key={e.id} className="row-item" data-testid="ledger-entry" data-type={e.type}>
              <div className="grow">
                <div className="title" data-testid="ledger-type">
                  {t(`led_${e.type}` as MessageKey)}
                </div>
                <div className="small" data-testid="ledger-reference">
                  {explain(e, t, locale, refs.data!)}
                </div>
                <div className="muted small">{formatDateTime(e.created_at, locale)}</div>
              </div>
              <b className={`ledger-amount ${e.amount < 0 ? "debit" : "credit"}`} data-testid="ledger-amount">
                {formatSignedMoney(e.amount, e.currency_code, locale)}
              </b>
            </li>
          ))}
        </ul>
      )}
      {count > PAGE && (
        <div className="pager">
          <button className="small" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))} data-testid="ledger-newer">
            {t("newer")}
          </button>
          <span className="muted small" data-testid="ledger-page">
            {t("page_of", { from: offset + 1, to: Math.min(offset + PAGE, count), count })}
          </span>
          <button className="small" disabled={offset + PAGE >= count} onClick={() => setOffset(offset + PAGE)} data-testid="ledger-older">
            {t("older")}
          </button>
        </div>
      )}
    </>
  )
}

type Refs = { commissions: Map<string, StoreCommission>; withdrawals: Map<string, StoreWithdrawal> }

/** The last 8 characters of an order id, as the commissions tab shows it. */
const shortOrder = (id: string) => id.slice(-8)

/**
 * What an entry is, in the reader's language. The server's `note` is an operator's English
 * (except an admin's own reason), so it is read only for the ids and period it names.
 */
function explain(e: StoreLedgerEntry, t: T, locale: string, refs: Refs): string {
  const ref = e.reference_id ?? ""
  switch (e.type) {
    case "settlement": {
      const c = refs.commissions.get(ref)
      return c ? t("ref_settlement", { level: c.level, order: shortOrder(c.order_id) }) : t("ref_settlement_unknown")
    }
    case "clawback":
    case "commission_adjustment": {
      const order = e.note?.match(/\border_[0-9A-Za-z]+/)?.[0]
      return order ? t(`ref_${e.type}`, { order: shortOrder(order) }) : t(`ref_${e.type}_unknown`)
    }
    case "withdrawal": {
      const w = refs.withdrawals.get(ref)
      return w ? t("ref_withdrawal", { method: t(`m_${w.method}` as MessageKey), status: t(`wd_${w.status}` as MessageKey) }) : t("ref_withdrawal_unknown")
    }
    case "withdrawal_reversal": {
      const w = refs.withdrawals.get(ref)
      if (!w) return t("ref_reversal_unknown")
      const text = t(w.status === "failed" ? "ref_reversal_failed" : "ref_reversal_rejected", { amount: formatMoney(w.amount, w.currency_code, locale) })
      return w.reason ? `${text} · ${t("ref_reason", { reason: w.reason })}` : text
    }
    case "admin_adjustment":
      // A reversal points at the adjustment it cancels; an adjustment's note is the admin's reason.
      if (e.reference_id) return t("ref_adjustment_reversal")
      return e.note ? t("ref_reason", { reason: e.note }) : t("led_admin_adjustment")
    case "team_bonus": {
      const period = e.note?.match(/\b\d{4}-\d{2}(?:-\d{2})?\b/)?.[0]
      return period ? t("ref_team_bonus", { period }) : t("ref_team_bonus_unknown")
    }
    case "refer_reward": {
      // The note names N, the window and the smallest order: "refer-3-get-one: … within 30 days; the smallest, order_… (80)".
      const n = e.note?.match(/refer-(\d+)-get-one/)?.[1]
      const days = e.note?.match(/within (\d+) days/)?.[1]
      const order = e.note?.match(/\border_[0-9A-Za-z]+/)?.[0]
      return n && days && order ? t("ref_refer_reward", { n, days, order: shortOrder(order) }) : t("ref_refer_reward_unknown")
    }
    default:
      return e.note ?? ""
  }
}
