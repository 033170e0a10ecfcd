import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Container, Heading, Input, Label, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useSearchParams } from "react-router-dom"
import { DateRange, DateRangeInputs } from "../../../components/date-range"
import { LedgerTable } from "../../../components/wallet/ledger-table"
import { keys, useDistributionQuery } from "../../../lib/api"
import { useT } from "../../../lib/i18n"
import type { DistributorListResponse } from "../../../lib/types"

/** A distributor code as its id (exact match), for the ledger's distributor filter. */
function useDistributorByCode(code: string) {
  const q = code.trim()
  const query = { q, limit: 20 }
  const { data, isFetching } = useDistributionQuery<DistributorListResponse>(keys.distributors(query), "/distributors", query, { enabled: !!q })
  const match = data?.distributors.find((d) => d.code.toLowerCase() === q.toLowerCase())
  return { id: match?.id, notFound: !!q && !isFetching && !!data && !match }
}

/** Every wallet movement, by distributor (code), type and date range (UTC days, both included). */
const LedgerPage = () => {
  const { t } = useT()
  const [params] = useSearchParams()
  const [code, setCode] = useState(params.get("code") ?? "")
  const [typed, setTyped] = useState(code)
  const [range, setRange] = useState<Partial<DateRange>>({})
  // The code filter waits for the typing to stop before it asks the server.
  useEffect(() => {
    const timer = setTimeout(() => setCode(typed), 300)
    return () => clearTimeout(timer)
  }, [typed])
  const distributor = useDistributorByCode(code)
  // An unknown code filters to nothing rather than to everyone.
  const scope = { distributor_id: code.trim() ? (distributor.id ?? "dist_none") : undefined, from: range.from || undefined, to: range.to || undefined }

  return (
    <Container className="divide-y p-0" data-testid="ledger-page">
      <LedgerTable
        scope={scope}
        showDistributor
        heading={
          <div className="flex flex-col gap-y-3">
            <div>
              <Heading level="h1">{t("wallet.ledger.title")}</Heading>
              <Text size="small" className="text-ui-fg-subtle">
                {t("wallet.ledger.pageSubtitle")}
              </Text>
            </div>
            <div className="flex flex-wrap items-end gap-2">
              <div className="flex flex-col gap-y-1">
                <Label size="xsmall" htmlFor="ledger-code">
                  {t("wallet.ledger.distributorCode")}
                </Label>
                <Input id="ledger-code" size="small" value={typed} onChange={(e) => setTyped(e.target.value)} placeholder={t("wallet.ledger.codePlaceholder")} />
              </div>
              <DateRangeInputs value={range} onChange={setRange} />
            </div>
            {distributor.notFound && (
              <Text size="xsmall" className="text-ui-fg-error" role="alert">
                {t("wallet.ledger.unknownCode", { code: code.trim() })}
              </Text>
            )}
          </div>
        }
      />
    </Container>
  )
}

export const config = defineRouteConfig({ label: "wallet.nav.ledger", rank: 4, translationNs: "distribution" })

export default LedgerPage
