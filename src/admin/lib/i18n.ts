import { useTranslation } from "react-i18next"

/** The plugin's i18next namespace (src/admin/i18n/index.ts); route configs repeat it as a literal, which the admin bundler reads statically. */
export const NS = "distribution"

export const useT = () => useTranslation(NS)
