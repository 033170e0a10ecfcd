import { createDataTableColumnHelper, createDataTableFilterHelper, DataTable, useDataTable } from "@medusajs/ui"
import { type ReactNode, useMemo } from "react"
import { DistributorLink } from "../distributor-link"
import { ErrorState } from "../states"
import { Pagination } from "../table-parts"
import { keys, useDistributionQuery } from "../../lib/api"
import { useFormat } from "../../lib/format"
import { useT } from "../../lib/i18n"
import { useTableState, withoutSearch } from "../../lib/table"
import { LEDGER_TYPES, type WalletLedgerEntry, type WalletLedgerResponse } from "./types"

const columnHelper = createDataTableColumnHelper<WalletLedgerEntry>()
const filterHelper = createDataTableFilterHelper<WalletLedgerEntry>()

type Props = {
  /** Filters set outside the table (a distributor, a date range). */
  scope: { distributor_id?: string; from?: string; to?: string }
  showDistributor?: boolean
  pageSize?: number
  /** The toolbar's left side: a heading, and any filters of the page. */
  heading: ReactNode
  testId?: string
}

/** Ledger entries, newest first, paged, with a filter by type: a distributor's or everyone's. */
export const LedgerTable = ({ scope, showDistributor = false, pageSize, heading, testId }: Props) => {
  const { t } = useT()
  const f = useFormat()
  const table = useTableState()
  const pagination = pageSize ? { ...table.options.pagination.state, pageSize } : table.options.pagination.state
  // The ledger has one order (newest first): no sorting to send.
  const list = withoutSearch(table.query)
  delete list.order
  const query = { ...list, limit: pagination.pageSize, offset: pagination.pageIndex * pagination.pageSize, ...scope }
  const { data, error, isLoading, refetch } = useDistributionQuery<WalletLedgerResponse>(keys.ledger(query), "/ledger", query, {
    placeholderData: (previous) => previous,
  })

  const columns = useMemo(
    () => [
      columnHelper.accessor("created_at", { header: t("fields.date"), cell: ({ getValue }) => f.dateTime(getValue()) }),
      ...(showDistributor
        ? [columnHelper.accessor("distributor_id", { header: t("fields.distributor"), cell: ({ getValue }) => <DistributorLink id={getValue()} /> })]
        : []),
      columnHelper.accessor("type", {
        header: t("fields.type"),
        cell: ({ getValue }) => <span data-type={getValue()}>{t(`wallet.types.${getValue()}`, { defaultValue: getValue() })}</span>,
      }),
      columnHelper.accessor("note", {
        header: t("wallet.ledger.note"),
        cell: ({ row }) => (
          <div className="flex flex-col">
            <span className="whitespace-normal">{row.original.note ?? "–"}</span>
            {row.original.reference_id && <span className="text-ui-fg-muted txt-compact-xsmall font-mono">{row.original.reference_id}</span>}
          </div>
        ),
      }),
      columnHelper.accessor("amount", {
        header: t("fields.amount"),
        headerAlign: "right",
        align: "right",
        cell: ({ row }) => (
          <span className={row.original.amount < 0 ? "text-ui-fg-error" : undefined} data-testid="ledger-amount">
            {f.money(row.original.amount, row.original.currency_code)}
          </span>
        ),
      }),
    ],
    [t, f.locale, showDistributor]
  )

  const filters = useMemo(
    () => [filterHelper.accessor("type", { type: "radio", label: t("fields.type"), options: LEDGER_TYPES.map((type) => ({ label: t(`wallet.types.${type}`), value: type })) })],
    [t]
  )

  const instance = useDataTable({
    data: data?.ledger_entries ?? [],
    columns,
    filters,
    getRowId: (row) => row.id,
    rowCount: data?.count ?? 0,
    isLoading,
    pagination: { state: pagination, onPaginationChange: table.options.pagination.onPaginationChange },
    filtering: table.options.filtering,
  })

  return (
    <div data-testid={testId}>
      <DataTable instance={instance}>
        <DataTable.Toolbar
          className="flex flex-col items-start justify-between gap-2 md:flex-row md:items-end"
          translations={{ clearAll: t("table.clearAll"), sort: t("table.sort"), columns: t("table.columns") }}
        >
          {heading}
          <DataTable.FilterMenu tooltip={t("table.filter")} />
        </DataTable.Toolbar>
        {error ? (
          <ErrorState error={error} retry={() => refetch()} />
        ) : (
          <DataTable.Table
            emptyState={{
              empty: { heading: t("wallet.ledger.empty"), description: t("wallet.ledger.emptyHint") },
              filtered: { heading: t("table.noResults"), description: t("table.noResultsHint") },
            }}
          />
        )}
        <Pagination />
      </DataTable>
    </div>
  )
}
