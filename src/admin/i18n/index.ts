import { EN_STRINGS, ZH_STRINGS } from "./strings"

/**
 * Merged into the dashboard's i18next by Medusa's admin bundler: the plugin's strings live
 * in their own namespace, `distribution` (`useTranslation("distribution")`,
 * `defineRouteConfig({ translationNs: "distribution" })`). Language codes are the
 * dashboard's (`en`, `zhCN`).
 */
export default {
  en: { distribution: EN_STRINGS },
  zhCN: { distribution: ZH_STRINGS },
}
