import { defineRouteConfig } from "@medusajs/admin-sdk"
import { CheckCircleSolid, ExclamationCircle } from "@medusajs/icons"
import { Badge, Button, Container, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { DateRange, DateRangeInputs, defaultRange } from "../../../components/date-range"
import { ErrorState, Loading, SectionHeader } from "../../../components/states"
import type { ReconciliationResponse } from "../../../components/wallet/types"
import { useDistributionQuery } from "../../../lib/api"
import { useFormat } from "../../../lib/format"
import { useT } from "../../../lib/i18n"

/** Stored and recomputed figures as plain decimals (a difference may mix currencies). */
const useDecimal = () => {
  const { locale } = useFormat()
  const format = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 4 })
  return (n: number) => format.format(n)
}

/**
 * Recomputes every commission of a range (UTC days) from its order and checks the ledger's
 * invariants; the run is explicit (it reads every order of the range), and its answer is
 * either an all-clear or the list of differences.
 */
const ReconciliationPage = () => {
  const { t } = useT()
  const f = useFormat()
  const decimal = useDecimal()
  const [range, setRange] = useState<Partial<DateRange>>(defaultRange)
  const [run, setRun] = useState<{ from?: string; to?: string; at: number } | null>(null)
  const { data, error, isFetching, refetch } = useDistributionQuery<ReconciliationResponse>(
    ["distribution", "reconciliation", run],
    "/reconciliation",
    { from: run?.from, to: run?.to },
    { enabled: !!run, staleTime: Infinity }
  )

  return (
    <div className="flex flex-col gap-y-3" data-testid="reconciliation-page">
      <Container className="divide-y p-0">
        <SectionHeader
          level="h1"
          title={t("wallet.reconciliation.title")}
          subtitle={t("wallet.reconciliation.subtitle")}
          actions={
            <div className="flex items-end gap-x-2">
              <DateRangeInputs value={range} onChange={setRange} />
              <Button size="small" onClick={() => setRun({ from: range.from || undefined, to: range.to || undefined, at: Date.now() })} isLoading={isFetching} data-testid="reconciliation-run">
                {t("wallet.reconciliation.run")}
              </Button>
            </div>
          }
        />
        {!run ? (
          <Text size="small" className="text-ui-fg-subtle px-6 py-4">
            {t("wallet.reconciliation.idle")}
          </Text>
        ) : isFetching ? (
          <Loading />
        ) : error ? (
          <ErrorState error={error} retry={() => refetch()} />
        ) : data ? (
          <div className="flex flex-col gap-y-1 px-6 py-4">
            <Text size="small" data-testid="reconciliation-checked" data-value={data.checked}>
              {t("wallet.reconciliation.checked", { count: data.checked, n: f.number(data.checked) })}
            </Text>
            {data.differences.length === 0 ? (
              <div className="flex items-center gap-x-2" data-testid="reconciliation-clear">
                <CheckCircleSolid className="text-ui-tag-green-icon" />
                <Text size="small" weight="plus">
                  {t("wallet.reconciliation.clear")}
                </Text>
              </div>
            ) : (
              <div className="flex items-center gap-x-2" data-testid="reconciliation-found" role="alert">
                <ExclamationCircle className="text-ui-fg-error" />
                <Text size="small" weight="plus">
                  {t("wallet.reconciliation.found", { count: data.differences.length, n: f.number(data.differences.length) })}
                </Text>
              </div>
            )}
          </div>
        ) : null}
      </Container>

      {data && data.differences.length > 0 && !isFetching && (
        <Container className="p-0">
          <Table data-testid="reconciliation-differences">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>{t("wallet.reconciliation.check")}</Table.HeaderCell>
                <Table.HeaderCell>{t("fields.order")}</Table.HeaderCell>
                <Table.HeaderCell>{t("fields.level")}</Table.HeaderCell>
                <Table.HeaderCell>{t("wallet.reconciliation.record")}</Table.HeaderCell>
                <Table.HeaderCell className="text-right">{t("wallet.reconciliation.stored")}</Table.HeaderCell>
                <Table.HeaderCell className="text-right">{t("wallet.reconciliation.expected")}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {data.differences.map((d, i) => (
                <Table.Row key={`${d.check}-${d.order_id ?? d.withdrawal_id ?? i}-${d.level ?? ""}-${i}`}>
                  <Table.Cell>
                    <Badge size="2xsmall">{t(`wallet.reconciliation.checks.${d.check}`, { defaultValue: d.check })}</Badge>
                  </Table.Cell>
                  <Table.Cell>
                    {d.order_id ? (
                      <Link className="text-ui-fg-interactive font-mono hover:underline" to={`/orders/${d.order_id}`}>
                        {d.order_id.slice(-10)}
                      </Link>
                    ) : (
                      "–"
                    )}
                  </Table.Cell>
                  <Table.Cell>{d.level ? t("common.levelN", { level: d.level }) : "–"}</Table.Cell>
                  <Table.Cell className="font-mono">{(d.commission_id ?? d.withdrawal_id ?? "–").slice(-10)}</Table.Cell>
                  <Table.Cell className="text-right">{decimal(d.stored)}</Table.Cell>
                  <Table.Cell className="text-right">{decimal(d.expected)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </Container>
      )}
    </div>
  )
}

export const config = defineRouteConfig({ label: "wallet.nav.reconciliation", rank: 6, translationNs: "distribution" })

export default ReconciliationPage
