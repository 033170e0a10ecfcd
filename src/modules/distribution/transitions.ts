/**
 * The state machines of the domain as plain tables, shared by the module (which enforces
 * them under a row lock) and the workflows (which check them before writing).
 */
import type { DISTRIBUTOR_STATUSES } from "./models/distributor"
import type { WITHDRAWAL_STATUSES } from "./models/withdrawal"
import type { COMMISSION_STATUSES } from "./models/commission"

export type DistributorStatus = (typeof DISTRIBUTOR_STATUSES)[number]
export type WithdrawalStatus = (typeof WITHDRAWAL_STATUSES)[number]
export type CommissionStatus = (typeof COMMISSION_STATUSES)[number]

export type DistributorAction = "approve" | "reject" | "suspend" | "reactivate"
export type WithdrawalAction = "approve" | "reject" | "mark_paid" | "mark_failed" | "fail"

/** Which statuses an admin action on a distributor starts from, and where it leads. */
export const DISTRIBUTOR_TRANSITIONS: Record<DistributorAction, { from: readonly DistributorStatus[]; to: DistributorStatus }> = {
  approve: { from: ["pending", "rejected"], to: "active" },
  reject: { from: ["pending"], to: "rejected" },
  suspend: { from: ["active", "pending"], to: "suspended" },
  reactivate: { from: ["suspended"], to: "active" },
}

/**
 * A withdrawal moves `requested → approved → paid`, or ends `rejected` / `failed`, where the
 * money goes back to the wallet. Paid, rejected and failed are final.
 */
export const WITHDRAWAL_TRANSITIONS: Record<WithdrawalAction, { from: readonly WithdrawalStatus[]; to: WithdrawalStatus; refunds: boolean }> = {
  approve: { from: ["requested"], to: "approved", refunds: false },
  reject: { from: ["requested", "approved"], to: "rejected", refunds: true },
  mark_paid: { from: ["approved"], to: "paid", refunds: false },
  /** An admin: the payout of an approved withdrawal bounced (wrong account, closed card…). */
  mark_failed: { from: ["approved"], to: "failed", refunds: true },
  /** The engine: a request that could not be completed (its workflow's compensation). */
  fail: { from: ["requested", "approved"], to: "failed", refunds: true },
}

/** Why a transition does not apply, or null when it does. */
export function refusedTransition<A extends string, S extends string>(
  table: Record<A, { from: readonly S[] }>,
  action: A,
  current: S,
  what: string
): string | null {
  const { from } = table[action]
  if (from.includes(current)) return null
  return `${what} is ${current}: ${action.replace("_", " ")} applies to ${from.join(" or ")} ones`
}

/**
 * A commission's status once the order's sync has brought its amount to `amount`: settled
 * money stays settled (a change becomes a ledger entry), nothing left cancels it, and money
 * that comes back to a canceled commission (an edit adding units) reopens it.
 */
export function commissionStatusAfter(current: CommissionStatus, amountIsZero: boolean, held: boolean): CommissionStatus {
  if (current === "settled") return "settled"
  if (amountIsZero) return "canceled"
  if (current === "canceled") return held ? "frozen" : "pending"
  if (current === "pending" && held) return "frozen"
  return current
}
