/**
 * Who a customer is bound to when they arrive with a code (DESIGN §2 "Binding"), as a pure
 * decision over the current binding: `first` keeps the first binding for good, `override`
 * lets the newest code win, `expiring` lets a new code take over once `binding_days` passed.
 */
import type { DistributionSettings } from "./settings"

const DAY_MS = 24 * 60 * 60 * 1000

export type CurrentBinding = { distributor_id: string; expires_at: Date | string | null }

export type BindingDecision =
  /** Create or replace the binding with these terms. */
  | { action: "bind"; expires_at: Date | null }
  /** Bound to this distributor already, and still live. */
  | { action: "keep" }
  /** Bound to someone else, and the policy keeps that binding. */
  | { action: "refuse"; reason: string }

export function decideBinding(
  current: CurrentBinding | null,
  distributorId: string,
  settings: Pick<DistributionSettings, "binding_policy" | "binding_days">,
  now: Date
): BindingDecision {
  const expires_at = settings.binding_policy === "expiring" ? new Date(now.getTime() + settings.binding_days * DAY_MS) : null
  if (!current) return { action: "bind", expires_at }

  const expired = !!current.expires_at && new Date(current.expires_at) <= now
  if (current.distributor_id === distributorId) {
    // A returning shopper renews an expired binding with the same distributor's code.
    return expired ? { action: "bind", expires_at } : { action: "keep" }
  }
  // An expired binding binds nobody under any policy (attribution ignores it too:
  // `bindingLiveAt`): refusing under `first` a binding made under an earlier `expiring` policy
  // would leave the customer bound to nobody for good (found by the binding property test).
  if (settings.binding_policy === "override" || expired) {
    return { action: "bind", expires_at }
  }
  return {
    action: "refuse",
    // A binding made under `first` or `override` has no expiry to name.
    reason: current.expires_at
      ? `You are bound to another distributor until ${new Date(current.expires_at).toISOString()}`
      : "You are already bound to another distributor",
  }
}

/** A binding counts for an order only if it existed, unexpired, when the order was placed. */
export function bindingLiveAt(binding: { bound_at: Date | string; expires_at: Date | string | null } | null, at: Date): boolean {
  return !!binding && new Date(binding.bound_at) <= at && (!binding.expires_at || new Date(binding.expires_at) > at)
}
