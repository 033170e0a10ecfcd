import { MathBN } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { safeText } from "./input-limits"

/** No setting, API call or data path may create a paid level beyond this one. */
export const HARD_MAX_LEVELS = 3

export const ENROLLMENT_MODES = ["open", "approval", "after_first_order", "invite_only"] as const
export const BINDING_POLICIES = ["first", "override", "expiring"] as const
export const SETTLEMENT_TRIGGERS = ["delivered_or_completed", "completed", "captured"] as const
export const WITHDRAWAL_METHODS = ["bank_transfer", "alipay", "wechat", "paypal", "store_credit"] as const

const fraction = z.number().min(0).max(1)
/** Withdrawal limits, in the wallet's currency (major units). */
const amount = z.number().min(0).max(1_000_000_000_000)

/** Every setting, by the names DESIGN.md gives them; the same keys are the plugin's options. */
export const SettingsSchema = z.strictObject({
  enabled: z.boolean(),
  max_levels: z
    .number()
    .int()
    .min(1, "max_levels must be 1, 2 or 3")
    .max(HARD_MAX_LEVELS, `max_levels must be 1, 2 or 3: at most ${HARD_MAX_LEVELS} levels are ever paid`),
  level_rates: z.array(fraction).max(HARD_MAX_LEVELS, `level_rates takes at most ${HARD_MAX_LEVELS} rates`),
  max_total_rate: fraction,
  enrollment_mode: z.enum(ENROLLMENT_MODES),
  binding_policy: z.enum(BINDING_POLICIES),
  binding_days: z.number().int().min(1).max(36_500, "binding_days is at most 36500 (100 years)"),
  self_purchase: z.boolean(),
  settlement_trigger: z.enum(SETTLEMENT_TRIGGERS),
  freeze_days: z.number().int().min(0).max(3_650, "freeze_days is at most 3650 (10 years)"),
  withdrawal_min: amount,
  withdrawal_max: amount.nullable(),
  withdrawal_daily_max: amount.nullable(),
  withdrawal_fee_rate: fraction,
  withdrawal_methods: z.array(z.enum(WITHDRAWAL_METHODS)).min(1),
  storefront_url: safeText({ max: 2000 }).pipe(z.url()),
  /** A Medusa promotion code applied to carts that carry a share code (全民分销's share coupon); null = none. */
  share_promotion_code: safeText({ max: 100 }).min(1, "share_promotion_code must be a promotion code, or null for none").nullable(),
  /** 推三返一: when `refer_reward_n` referred customers each have a settled order within `refer_reward_window_days`, credit the smallest (capped). */
  refer_reward_enabled: z.boolean(),
  refer_reward_n: z.number().int().min(2, "refer_reward_n must be a whole number from 2 to 20").max(20, "refer_reward_n must be a whole number from 2 to 20"),
  refer_reward_window_days: z.number().int().min(1, "refer_reward_window_days must be from 1 to 365").max(365, "refer_reward_window_days must be from 1 to 365"),
  /** The most one reward pays, in the reward's currency (major units); null = the order's whole value. */
  refer_reward_cap: z.number().gt(0, "refer_reward_cap must be above 0, or null for no cap").max(1_000_000_000_000).nullable(),
})

export type DistributionSettings = z.infer<typeof SettingsSchema>

export type SettingsProblem = { field: keyof DistributionSettings; message: string }

/**
 * What the settings, taken as a whole, get wrong: limits that contradict each other, or
 * store rates above the cap. Checked on the merged result of every change.
 */
export function settingsProblems(s: DistributionSettings): SettingsProblem[] {
  const problems: SettingsProblem[] = []
  if (s.withdrawal_max !== null && s.withdrawal_max < s.withdrawal_min) {
    problems.push({ field: "withdrawal_max", message: `withdrawal_max (${s.withdrawal_max}) is below withdrawal_min (${s.withdrawal_min}): raise it, or null for no limit` })
  }
  if (s.withdrawal_daily_max !== null && s.withdrawal_daily_max < s.withdrawal_min) {
    problems.push({
      field: "withdrawal_daily_max",
      message: `withdrawal_daily_max (${s.withdrawal_daily_max}) is below withdrawal_min (${s.withdrawal_min}): no withdrawal could be made; raise it, or null for no limit`,
    })
  }
  const paid = MathBN.sum(...s.level_rates.slice(0, s.max_levels).map(String), 0)
  if (paid.gt(s.max_total_rate)) {
    problems.push({
      field: "level_rates",
      message: `level_rates pay ${paid.toString()} over the ${s.max_levels} paid level(s), above max_total_rate ${s.max_total_rate}: lower the rates or raise the cap`,
    })
  }
  return problems
}

export const SettingsPatchSchema = SettingsSchema.partial()
export type DistributionSettingsPatch = z.infer<typeof SettingsPatchSchema>

export const DEFAULT_SETTINGS: DistributionSettings = {
  enabled: true,
  max_levels: 2,
  level_rates: [0.1, 0.05],
  max_total_rate: 0.3,
  enrollment_mode: "approval",
  binding_policy: "first",
  binding_days: 30,
  self_purchase: false,
  settlement_trigger: "delivered_or_completed",
  freeze_days: 7,
  withdrawal_min: 1,
  withdrawal_max: null,
  withdrawal_daily_max: null,
  withdrawal_fee_rate: 0,
  withdrawal_methods: ["bank_transfer", "alipay", "wechat", "paypal"],
  storefront_url: "http://localhost:8000",
  share_promotion_code: null,
  refer_reward_enabled: false,
  refer_reward_n: 3,
  refer_reward_window_days: 30,
  refer_reward_cap: null,
}

/** Picks the known setting keys out of plugin options (which may carry other keys too). */
export function settingsFromOptions(options: Record<string, unknown> = {}): DistributionSettingsPatch {
  const known = Object.fromEntries(
    Object.entries(options).filter(([key]) => key in DEFAULT_SETTINGS)
  )
  return SettingsPatchSchema.parse(known)
}
