/**
 * A reference model of an order's commission lines under product rules, grades, sales tiers
 * and campaigns, on exact rationals (./exact), written from DESIGN §2 ("Levels", "Commission
 * base", "Money") and issue #10, never from the module:
 *
 * - paid levels: the chain's active members at levels ≤ min(max_levels, 3);
 * - a member's level rate: their grade's rate for the level if the grade sets one, else the
 *   store's (0 past its list); a sales tier reached counts when it pays strictly more;
 * - a line's rule: among the rules matching its product (product id; any of its categories,
 *   ancestors included; its collection; its type) — a fixed rule only in its own currency —
 *   the most specific scope (product > category > collection > product_type), then the
 *   highest priority, then the oldest, then the smallest id;
 * - a `none` rule pays 0 at every level and no campaign lifts it; a `rate` rule's value for a
 *   level replaces the level rate (0 past its list); a `fixed` rule pays its value per kept unit;
 * - a campaign running at placement (starts_at ≤ t < ends_at) covering the line (all, its
 *   product, one of its categories): the most specific, then the newest start, then the
 *   smallest id; its level rate replaces a rate (not a fixed amount), then its multiplier
 *   multiplies the value;
 * - per line, levels in order: the share of the base paid so far never passes max_total_rate
 *   (a rate is cut to what is left; a fixed amount to what is left of base × max_total_rate);
 * - per level: one half-up rounding of the sum of the exact line amounts; lines (sorted by
 *   id) get their floors plus the missing minor units by largest remainder, ties to the first.
 */
import { add, cmp, div, floorMinor, fromMinor, halfUpMinor, mul, ONE, Q, q, Q1, qmax, qmin, qsum, QZ, sub, ZERO } from "./exact"

export const HARD_MAX_LEVELS = 3
const SPECIFICITY = { product: 4, category: 3, collection: 2, product_type: 1 } as const
const CAMPAIGN_RANK = { product: 3, category: 2, all: 1 } as const

export type RefProduct = { id: string; categories: string[]; collection: string | null; type: string | null }
export type RefRule = {
  id: string
  scope: keyof typeof SPECIFICITY
  scope_id: string
  kind: "rate" | "fixed" | "none"
  values: Q[]
  currency: string | null
  priority: number
  /** Milliseconds since the epoch. */
  created: number
}
export type RefCampaign = {
  id: string
  starts: number
  ends: number
  scope: keyof typeof CAMPAIGN_RANK
  ids: string[]
  multiplier: Q | null
  rates: Q[] | null
}
export type RefRates = { id: string; rates: Q[] }
export type RefMember = { level: number; id: string; active: boolean; grade: RefRates | null; tier: RefRates | null }
export type RefOrderLine = {
  id: string
  product_id: string | null
  quantity: number
  returned: number
  /** Paid for all `quantity` units, after discounts, without and with tax. */
  net: Q
  gross: Q
}
export type RefScenario = {
  precision: number
  currency: string
  /** Milliseconds since the epoch: when the order was placed. */
  placed: number
  refunded: Q
  lines: RefOrderLine[]
  products: Record<string, RefProduct>
  rules: RefRule[]
  campaigns: RefCampaign[]
  members: RefMember[]
  maxLevels: number
  storeRates: Q[]
  maxTotal: Q
}

export type RefCommissionLine = {
  id: string
  product_id: string | null
  quantity: number
  base: bigint
  amount: bigint
  /** The rate earned, for a rate… */
  rate?: Q
  /** …or the amount per unit, for a fixed rule. */
  fixed?: Q
  source: string
  /** The exact amount before the one rounding (for the invariants). */
  exact: Q
}
export type RefCommission = { level: number; distributor_id: string; amount: bigint; base: bigint; lines: RefCommissionLine[] }

/** The paid levels and each one's rate, where it comes from. */
export function refLevels(s: Pick<RefScenario, "members" | "maxLevels" | "storeRates">): { level: number; id: string; rate: Q; source: string }[] {
  const deepest = Math.min(s.maxLevels, HARD_MAX_LEVELS)
  return s.members
    .filter((m) => m.active && m.level <= deepest)
    .sort((a, b) => a.level - b.level)
    .map((m) => {
      const i = m.level - 1
      let rate = s.storeRates[i] ?? QZ
      let source = "level_rate"
      if (m.grade && m.grade.rates[i] !== undefined) {
        rate = m.grade.rates[i]
        source = `grade:${m.grade.id}`
      }
      if (m.tier && m.tier.rates[i] !== undefined && cmp(m.tier.rates[i], rate) > 0) {
        rate = m.tier.rates[i]
        source = `tier:${m.tier.id}`
      }
      return { level: m.level, id: m.id, rate, source }
    })
}

function matches(rule: RefRule, product: RefProduct, currency: string): boolean {
  if (rule.kind === "fixed" && (rule.currency ?? "").toLowerCase() !== currency.toLowerCase()) return false
  if (rule.scope === "product") return rule.scope_id === product.id
  if (rule.scope === "category") return product.categories.includes(rule.scope_id)
  if (rule.scope === "collection") return rule.scope_id === product.collection
  return rule.scope_id === product.type
}

/** The winning rule for a product: specificity, then priority, then age, then id. */
export function refRule(product: RefProduct | null, rules: RefRule[], currency: string): RefRule | null {
  if (!product) return null
  let best: RefRule | null = null
  for (const r of rules) {
    if (!matches(r, product, currency)) continue
    if (!best) {
      best = r
      continue
    }
    const better =
      SPECIFICITY[r.scope] !== SPECIFICITY[best.scope]
        ? SPECIFICITY[r.scope] > SPECIFICITY[best.scope]
        : r.priority !== best.priority
          ? r.priority > best.priority
          : r.created !== best.created
            ? r.created < best.created
            : r.id < best.id
    if (better) best = r
  }
  return best
}

export function refCampaign(product: RefProduct | null, campaigns: RefCampaign[], at: number): RefCampaign | null {
  let best: RefCampaign | null = null
  for (const c of campaigns) {
    if (!(c.starts <= at && at < c.ends)) continue
    const covers = c.scope === "all" || (!!product && (c.scope === "product" ? c.ids.includes(product.id) : product.categories.some((id) => c.ids.includes(id))))
    if (!covers) continue
    const better =
      !best ||
      (CAMPAIGN_RANK[c.scope] !== CAMPAIGN_RANK[best.scope]
        ? CAMPAIGN_RANK[c.scope] > CAMPAIGN_RANK[best.scope]
        : c.starts !== best.starts
          ? c.starts > best.starts
          : c.id < best.id)
    if (better) best = c
  }
  return best
}

type Cell = { kind: "rate" | "fixed"; value: Q; source: string; own: boolean }

/** What a line earns per paid level before the cap. */
export function refLineTerms(
  s: Pick<RefScenario, "products" | "rules" | "campaigns" | "currency" | "placed">,
  line: { product_id: string | null },
  levels: { level: number; rate: Q; source: string }[]
): Cell[] {
  const product = line.product_id ? (s.products[line.product_id] ?? null) : null
  const rule = refRule(product, s.rules, s.currency)
  const campaign = rule?.kind === "none" ? null : refCampaign(product, s.campaigns, s.placed)
  return levels.map((l) => {
    const i = l.level - 1
    let cell: Cell = { kind: "rate", value: l.rate, source: l.source, own: false }
    if (rule?.kind === "none") return { kind: "rate", value: QZ, source: `rule:${rule.id}`, own: true }
    if (rule) cell = { kind: rule.kind, value: rule.values[i] ?? QZ, source: `rule:${rule.id}`, own: true }
    if (campaign) {
      let value = cell.value
      if (cell.kind === "rate" && campaign.rates && campaign.rates[i] !== undefined) value = campaign.rates[i]
      if (campaign.multiplier) value = mul(value, campaign.multiplier)
      cell = { ...cell, value, source: `${cell.source}+campaign:${campaign.id}`, own: true }
    }
    return cell
  })
}

/** Lines sorted by id with their kept units, exact base, and the refund factor. */
export function refKeptLines(s: Pick<RefScenario, "lines" | "refunded">): { line: RefOrderLine; kept: number; base: Q; factor: Q }[] {
  const lines = [...s.lines].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const keptGross = qsum(lines.map((l) => mul(l.gross, q(l.quantity - l.returned, l.quantity))))
  const goneGross = qsum(lines.map((l) => mul(l.gross, q(l.returned, l.quantity))))
  const excess = qmax(QZ, sub(s.refunded, goneGross))
  const factor = cmp(keptGross, QZ) <= 0 ? QZ : qmin(Q1, qmax(QZ, sub(Q1, div(excess, keptGross))))
  return lines.map((line) => {
    const kept = line.quantity - line.returned
    return { line, kept, base: mul(mul(line.net, q(kept, line.quantity)), factor), factor }
  })
}

/** Half-up once; the lines share the rounded total by largest remainder, ties to the first. */
function allocate(raw: Q[], p: number): { total: bigint; parts: bigint[] } {
  const total = halfUpMinor(qsum(raw), p)
  const parts = raw.map((r) => floorMinor(r, p))
  let missing = total - parts.reduce((a, b) => a + b, ZERO)
  const byRemainder = raw
    .map((r, i) => ({ i, rem: sub(r, fromMinor(parts[i], p)) }))
    .filter((x) => cmp(x.rem, QZ) > 0)
    .sort((a, b) => cmp(b.rem, a.rem) || a.i - b.i)
  for (const { i } of byRemainder) {
    if (missing <= ZERO) break
    parts[i] += ONE
    missing -= ONE
  }
  if (missing !== ZERO) throw new Error("reference: could not allocate the rounded total")
  return { total, parts }
}

export function refRuleCommissions(s: RefScenario): RefCommission[] {
  const p = s.precision
  const levels = refLevels(s)
  const kept = refKeptLines(s)

  const cells = kept.map((k) => {
    const terms = refLineTerms(s, k.line, levels)
    // The share of the base paid so far over the levels of this line.
    let used = QZ
    return terms.map((t) => {
      const room = qmax(QZ, sub(s.maxTotal, used))
      if (t.kind === "rate") {
        const asked = qmax(QZ, t.value)
        const rate = qmin(asked, room)
        used = add(used, rate)
        const capped = cmp(rate, t.value) < 0
        return { exact: mul(k.base, rate), rate, source: t.own && capped ? `${t.source}+cap` : t.source }
      }
      const nominal = qmax(QZ, mul(mul(t.value, q(k.kept)), k.factor))
      const amount = qmin(nominal, mul(k.base, room))
      if (cmp(k.base, QZ) > 0) used = add(used, div(amount, k.base))
      return { exact: amount, fixed: t.value, source: cmp(amount, nominal) < 0 ? `${t.source}+cap` : t.source }
    })
  })

  return levels.map((l, li) => {
    const { total, parts } = allocate(
      cells.map((c) => c[li].exact),
      p
    )
    return {
      level: l.level,
      distributor_id: l.id,
      amount: total,
      base: halfUpMinor(qsum(kept.map((k) => k.base)), p),
      lines: kept.map((k, i) => {
        const c = cells[i][li]
        return {
          id: k.line.id,
          product_id: k.line.product_id,
          quantity: k.kept,
          base: halfUpMinor(k.base, p),
          amount: parts[i],
          ...("fixed" in c ? { fixed: c.fixed } : { rate: c.rate }),
          source: c.source,
          exact: c.exact,
        }
      }),
    }
  })
}
