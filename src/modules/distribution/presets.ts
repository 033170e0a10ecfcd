import { DistributionSettingsPatch } from "./settings"

export type SettingsPreset = {
  name: string
  label: { en: string; zhCN: string }
  description: { en: string; zhCN: string }
  settings: DistributionSettingsPatch
}

/**
 * Starting points a merchant applies in one click (each change still recorded in the change
 * log). Neither turns on anything recruitment-paid: both are shares of kept sales.
 */
export const SETTINGS_PRESETS: SettingsPreset[] = [
  {
    name: "wechat_safe",
    label: { en: "WeChat-safe (2 levels)", zhCN: "微信合规（二级）" },
    description: {
      en: "Two paid levels (10 % / 5 %), at most 20 % of a sale in all: what WeChat's rules for mini-programs and most platforms accept.",
      zhCN: "两级佣金（10% / 5%），合计不超过销售额的 20%：符合微信小程序及多数平台的分销规范。",
    },
    settings: { max_levels: 2, level_rates: [0.1, 0.05], max_total_rate: 0.2 },
  },
  {
    name: "standard",
    label: { en: "Standard (3 levels)", zhCN: "标准（三级）" },
    description: {
      en: "Three paid levels (10 % / 5 % / 2 %), the legal maximum, at most 30 % of a sale in all.",
      zhCN: "三级佣金（10% / 5% / 2%），为法定上限，合计不超过销售额的 30%。",
    },
    settings: { max_levels: 3, level_rates: [0.1, 0.05, 0.02], max_total_rate: 0.3 },
  },
]

export const presetNamed = (name: string) => SETTINGS_PRESETS.find((p) => p.name === name) ?? null
