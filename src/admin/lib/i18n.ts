import { useTranslation } from "react-i18next"

/** The plugin's i18next namespace (src/admin/i18n/index.ts). */
export const NS = "distribution"

export const useT = () => useTranslation(NS)
