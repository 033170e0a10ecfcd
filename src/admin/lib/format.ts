import { useTranslation } from "react-i18next"
import type { Money } from "./types"

/** The dashboard's language codes (`lng` in localStorage) as BCP 47 locales for Intl. */
export function localeOf(language: string | undefined) {
  const lng = language ?? "en"
  if (lng === "zhCN") return "zh-CN"
  if (lng === "zhTW") return "zh-TW"
  if (lng === "ptBR") return "pt-BR"
  return lng.replace(/([a-z]{2})([A-Z]{2})/, "$1-$2")
}

/** Amounts, dates and fractions in the admin's language (and an amount's own currency). */
export function useFormat() {
  const { i18n } = useTranslation()
  const locale = localeOf(i18n.language)
  const money = (amount: number | null | undefined, currency: string | undefined) => {
    if (amount === null || amount === undefined || Number.isNaN(amount)) return "–"
    if (!currency) return new Intl.NumberFormat(locale).format(amount)
    return new Intl.NumberFormat(locale, { style: "currency", currency: currency.toUpperCase() }).format(amount)
  }
  return {
    locale,
    money,
    /** One line per currency when an amount is split by currency. */
    moneys: (value: Money | null | undefined, currency?: string) =>
      moneyEntries(value, currency).map((m) => money(m.amount, m.currency_code)).join(" · ") || money(0, currency),
    number: (n: number | null | undefined) => (n === null || n === undefined ? "–" : new Intl.NumberFormat(locale).format(n)),
    percent: (n: number | null | undefined, digits = 1) =>
      n === null || n === undefined || Number.isNaN(n)
        ? "–"
        : new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: digits }).format(n),
    date: (d: string | Date | null | undefined) =>
      d ? new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(new Date(d)) : "–",
    /** A `YYYY-MM-DD` day as the server counts it (UTC), in the admin's language. */
    day: (d: string) => new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", timeZone: "UTC" }).format(new Date(`${d.slice(0, 10)}T00:00:00Z`)),
    dateTime: (d: string | Date | null | undefined) =>
      d ? new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(d)) : "–",
  }
}

/** `Money` in any of its shapes as a list of `{ currency_code, amount }`. */
export function moneyEntries(value: Money | null | undefined, currency?: string): { currency_code: string | undefined; amount: number }[] {
  if (value === null || value === undefined) return []
  if (typeof value === "number") return [{ currency_code: currency, amount: value }]
  if (Array.isArray(value)) return value.map((v) => ({ currency_code: v.currency_code, amount: Number(v.amount) }))
  return Object.entries(value).map(([currency_code, amount]) => ({ currency_code, amount: Number(amount) }))
}

/** The first amount of a `Money`, for charts that plot one currency. */
export function moneyAmount(value: Money | null | undefined, currency?: string) {
  const entries = moneyEntries(value, currency)
  const match = entries.find((e) => !currency || !e.currency_code || e.currency_code === currency)
  return match?.amount ?? 0
}
