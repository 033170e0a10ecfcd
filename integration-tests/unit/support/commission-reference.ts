/**
 * A reference model of what an order's commissions should be (DESIGN §2 "Commission base",
 * "Money"), on exact rationals, written from the design and not from the module:
 *
 * - every line is valued at its paid unit value as first seen (net and gross per unit);
 *   returns and order edits change units, never that value;
 * - the units charged for a line are those first seen, or more if an edit added some
 *   ("units it added are paid like the others"); units charged and no longer on the order
 *   or returned are gone ("units an edit removed count as returned at their paid value");
 * - refunds first pay for the gross value of the goods gone; only the excess reduces the
 *   kept lines, pro rata to their kept gross (factor 1 − excess / kept gross, in [0, 1]);
 *   a canceled order keeps nothing, and shows no unit kept;
 * - rates are capped cumulatively from level 1 (sum ≤ max_total_rate);
 * - per level: one half-up rounding of Σ base × rate to the currency's unit, shared among
 *   the lines by largest remainder, ties to the line that sorts first by id.
 */
import { cmp, div, floorMinor, fromMinor, halfUpMinor, mul, ONE, Q, q, Q1, qmax, qmin, qsum, QZ, sub, ZERO } from "./exact"

export type RefLineState = {
  id: string
  product_id: string | null
  /** Paid value of one unit, net and gross, as first seen. */
  unitNet: Q
  unitGross: Q
  /** Units when the line was first seen. */
  firstQty: number
  /** Units on the order now, and of them, received back. */
  quantity: number
  returned: number
}

export type RefOrderState = {
  precision: number
  canceled: boolean
  refunded: Q
  lines: RefLineState[]
}

export type RefLevel = { level: number; distributor_id: string; rate: Q; source: string }

export type RefLine = { id: string; product_id: string | null; quantity: number; base: bigint; amount: bigint }
export type RefCommission = { level: number; distributor_id: string; rate: Q; amount: bigint; lines: RefLine[] }

/** The exact base each line keeps, and the units shown for it. Lines sorted by id. */
export function refKept(order: RefOrderState): { line: RefLineState; quantity: number; base: Q }[] {
  const lines = [...order.lines].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const parts = lines.map((l) => {
    const kept = l.quantity - l.returned
    const charged = Math.max(l.firstQty, l.quantity)
    const gone = charged - kept
    return { line: l, kept, keptNet: mul(l.unitNet, q(kept)), keptGross: mul(l.unitGross, q(kept)), goneGross: mul(l.unitGross, q(gone)) }
  })
  const keptGross = qsum(parts.map((p) => p.keptGross))
  const excess = qmax(QZ, sub(order.refunded, qsum(parts.map((p) => p.goneGross))))
  const factor = order.canceled || cmp(keptGross, QZ) <= 0 ? QZ : qmin(Q1, qmax(QZ, sub(Q1, div(excess, keptGross))))
  return parts.map((p) => ({ line: p.line, quantity: order.canceled ? 0 : p.kept, base: mul(p.keptNet, factor) }))
}

export function refCap(levels: RefLevel[], maxTotal: Q): RefLevel[] {
  let left = maxTotal
  return [...levels]
    .sort((a, b) => a.level - b.level)
    .map((l) => {
      const rate = qmax(QZ, qmin(l.rate, left))
      left = sub(left, rate)
      return { ...l, rate }
    })
}

export function refSplit(bases: Q[], rate: Q, p: number): { total: bigint; parts: bigint[] } {
  const raw = bases.map((b) => qmax(QZ, mul(b, rate)))
  const total = halfUpMinor(qsum(raw), p)
  const parts = raw.map((r) => floorMinor(r, p))
  let missing = total - parts.reduce((a, b) => a + b, ZERO)
  const order = raw
    .map((r, i) => ({ i, rem: sub(r, fromMinor(parts[i], p)) }))
    .filter((x) => cmp(x.rem, QZ) > 0)
    .sort((a, b) => cmp(b.rem, a.rem) || a.i - b.i)
  for (const { i } of order) {
    if (missing <= ZERO) break
    parts[i] += ONE
    missing -= ONE
  }
  if (missing !== ZERO) throw new Error("reference: could not allocate the rounded total")
  return { total, parts }
}

export function refCommissions(order: RefOrderState, levels: RefLevel[], maxTotal: Q): RefCommission[] {
  const kept = refKept(order)
  const p = order.precision
  return refCap(levels, maxTotal).map((l) => {
    const { total, parts } = refSplit(
      kept.map((k) => k.base),
      l.rate,
      p
    )
    return {
      level: l.level,
      distributor_id: l.distributor_id,
      rate: l.rate,
      amount: total,
      lines: kept.map((k, i) => ({
        id: k.line.id,
        product_id: k.line.product_id,
        quantity: k.quantity,
        base: halfUpMinor(k.base, p),
        amount: parts[i],
      })),
    }
  })
}

/** Gross value of the goods charged for (units first seen, or more), for capping refunds. */
export function refChargedGross(order: RefOrderState): Q {
  return qsum(order.lines.map((l) => mul(l.unitGross, q(Math.max(l.firstQty, l.quantity)))))
}
