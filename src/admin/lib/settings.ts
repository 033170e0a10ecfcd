import type { Settings } from "./types"

/** Every setting, in the order the form shows them (DESIGN.md's table). */
export const SETTING_KEYS: (keyof Settings)[] = [
  "enabled", "max_levels", "level_rates", "max_total_rate", "enrollment_mode", "binding_policy", "binding_days", "self_purchase",
  "settlement_trigger", "freeze_days", "withdrawal_min", "withdrawal_max", "withdrawal_daily_max", "withdrawal_fee_rate",
  "withdrawal_methods", "storefront_url", "share_promotion_code",
  "refer_reward_enabled", "refer_reward_n", "refer_reward_window_days", "refer_reward_cap",
]

/** Which setting a server message is about: the longest key it names (withdrawal_max before withdrawal_m…). */
export function fieldOfError(message: string): keyof Settings | null {
  const named = SETTING_KEYS.filter((k) => message.includes(k)).sort((a, b) => b.length - a.length)
  return named[0] ?? null
}

