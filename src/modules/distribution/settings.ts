import { z } from "@medusajs/framework/zod"

/** No setting, API call or data path may create a paid level beyond this one. */
export const HARD_MAX_LEVELS = 3

export const ENROLLMENT_MODES = ["open", "approval", "after_first_order", "invite_only"] as const
export const BINDING_POLICIES = ["first", "override", "expiring"] as const
export const SETTLEMENT_TRIGGERS = ["delivered_or_completed", "completed", "captured"] as const
export const WITHDRAWAL_METHODS = ["bank_transfer", "alipay", "wechat", "paypal", "store_credit"] as const

const fraction = z.number().min(0).max(1)
const amount = z.number().min(0)

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
  binding_days: z.number().int().min(1),
  self_purchase: z.boolean(),
  settlement_trigger: z.enum(SETTLEMENT_TRIGGERS),
  freeze_days: z.number().int().min(0),
  withdrawal_min: amount,
  withdrawal_max: amount.nullable(),
  withdrawal_daily_max: amount.nullable(),
  withdrawal_fee_rate: fraction,
  withdrawal_methods: z.array(z.enum(WITHDRAWAL_METHODS)).min(1),
  storefront_url: z.string().url(),
  /** A Medusa promotion code applied to carts that carry a share code (全民分销's share coupon); null = none. */
  share_promotion_code: z.string().trim().min(1, "share_promotion_code must be a promotion code, or null for none").max(100).nullable(),
})

export type DistributionSettings = z.infer<typeof SettingsSchema>

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
}

/** Picks the known setting keys out of plugin options (which may carry other keys too). */
export function settingsFromOptions(options: Record<string, unknown> = {}): DistributionSettingsPatch {
  const known = Object.fromEntries(
    Object.entries(options).filter(([key]) => key in DEFAULT_SETTINGS)
  )
  return SettingsPatchSchema.parse(known)
}
