import { Input, Label, Table } from "@medusajs/ui"
import { useState } from "react"
import { Empty, ErrorState, Loading } from "../states"
import { useDistributionQuery } from "../../lib/api"
import { useFormat } from "../../lib/format"
import { useT } from "../../lib/i18n"
import type { StatementsResponse } from "./types"

/** This month as `YYYY-MM` (UTC, as the server counts months). */
export const thisMonth = () => new Date().toISOString().slice(0, 7)

/** A distributor's statement for a chosen month: opening, credits, debits and closing per currency. */
export const MonthlyStatement = ({ distributorId }: { distributorId: string }) => {
  const { t } = useT()
  const f = useFormat()
  const [month, setMonth] = useState(thisMonth)
  const valid = /^\d{4}-(0[1-9]|1[0-2])$/.test(month)
  const { data, error, isLoading } = useDistributionQuery<StatementsResponse>(
    ["distribution", "statements", distributorId, month],
    `/distributors/${distributorId}/statements`,
    { month },
    { enabled: valid }
  )

  return (
    <div data-testid="wallet-statement">
      <div className="flex items-end justify-between gap-x-4 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <Label size="xsmall" htmlFor="wallet-statement-month">
            {t("wallet.statement.month")}
          </Label>
          <Input id="wallet-statement-month" size="small" type="month" value={month} max={thisMonth()} onChange={(e) => setMonth(e.target.value)} />
        </div>
      </div>
      {!valid ? null : isLoading ? (
        <Loading />
      ) : error ? (
        <ErrorState error={error} />
      ) : !data?.statements.length ? (
        <Empty title={t("wallet.statement.empty")} />
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{t("fields.currency")}</Table.HeaderCell>
              <Table.HeaderCell className="text-right">{t("wallet.statement.opening")}</Table.HeaderCell>
              <Table.HeaderCell className="text-right">{t("wallet.statement.credits")}</Table.HeaderCell>
              <Table.HeaderCell className="text-right">{t("wallet.statement.debits")}</Table.HeaderCell>
              <Table.HeaderCell className="text-right">{t("wallet.statement.closing")}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {data.statements.map((s) => (
              <Table.Row key={s.currency_code} data-testid={`statement-${s.currency_code}`}>
                <Table.Cell>{s.currency_code.toUpperCase()}</Table.Cell>
                <Table.Cell className="text-right">{f.money(s.opening, s.currency_code)}</Table.Cell>
                <Table.Cell className="text-right">{f.money(s.credits, s.currency_code)}</Table.Cell>
                <Table.Cell className="text-right">{f.money(s.debits, s.currency_code)}</Table.Cell>
                <Table.Cell className="text-right" data-testid={`statement-closing-${s.currency_code}`}>
                  {f.money(s.closing, s.currency_code)}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </div>
  )
}
