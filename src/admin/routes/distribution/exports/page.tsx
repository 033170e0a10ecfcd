import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ArrowDownTray } from "@medusajs/icons"
import { Button, Container, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { DateRange, DateRangeInputs, defaultRange } from "../../../components/date-range"
import { SectionHeader } from "../../../components/states"
import { downloadCsv } from "../../../components/wallet/download"
import { EXPORT_KINDS, type ExportKind } from "../../../components/wallet/types"
import { useT } from "../../../lib/i18n"

/**
 * The four audit exports of a date range (UTC days, both included, as the server reads a
 * bare date): CSV with a BOM, streamed by the server however many rows the range holds.
 */
const ExportsPage = () => {
  const { t } = useT()
  const [range, setRange] = useState<Partial<DateRange>>(defaultRange)
  const [busy, setBusy] = useState<ExportKind | null>(null)

  const download = async (kind: ExportKind) => {
    setBusy(kind)
    try {
      const name = await downloadCsv(`/${kind}/export`, { query: { from: range.from, to: range.to }, fallbackName: `distribution-${kind}.csv` })
      toast.success(t("wallet.exports.downloaded", { name }))
    } catch (e) {
      toast.error(t("wallet.exports.failed"), { description: (e as Error).message })
    } finally {
      setBusy(null)
    }
  }

  return (
    <Container className="divide-y p-0" data-testid="exports-page">
      <SectionHeader level="h1" title={t("wallet.exports.title")} subtitle={t("wallet.exports.subtitle")} actions={<DateRangeInputs value={range} onChange={setRange} />} />
      {EXPORT_KINDS.map((kind) => (
        <div key={kind} className="flex items-center justify-between gap-x-4 px-6 py-4" data-testid={`export-${kind}`}>
          <div>
            <Text size="small" weight="plus">
              {t(`wallet.exports.kinds.${kind}`)}
            </Text>
            <Text size="small" className="text-ui-fg-subtle">
              {t(`wallet.exports.hints.${kind}`)}
            </Text>
          </div>
          <Button size="small" variant="secondary" isLoading={busy === kind} onClick={() => download(kind)} data-testid={`export-${kind}-download`}>
            <ArrowDownTray />
            {t("wallet.exports.download")}
          </Button>
        </div>
      ))}
      <Text size="xsmall" className="text-ui-fg-muted px-6 py-4">
        {t("wallet.exports.note")}
      </Text>
    </Container>
  )
}

export const config = defineRouteConfig({ label: "wallet.nav.exports", rank: 5, translationNs: "distribution" })

export default ExportsPage
