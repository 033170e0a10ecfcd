import { InformationCircleSolid } from "@medusajs/icons"
import { Text } from "@medusajs/ui"
import { keys, useDistributionQuery } from "../lib/api"
import { useT } from "../lib/i18n"
import type { SettingsResponse } from "../lib/types"

/** Says so when distribution is switched off (`enabled: false`): data stays readable, nothing new accrues. */
export const DisabledNote = ({ className = "px-6 py-3" }: { className?: string }) => {
  const { t } = useT()
  const { data } = useDistributionQuery<SettingsResponse>(keys.settings, "/settings")
  if (!data || data.settings.enabled) return null
  return (
    <div className={`flex items-center gap-x-2 ${className}`} data-testid="distribution-disabled">
      <InformationCircleSolid className="text-ui-fg-subtle" />
      <Text size="small" className="text-ui-fg-subtle">
        {t("common.disabled")}
      </Text>
    </div>
  )
}
