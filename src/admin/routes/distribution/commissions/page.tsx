import { defineRouteConfig } from "@medusajs/admin-sdk"
import { DistributorLink } from "../../../components/distributor-link"
import { Container, Heading, Text, createDataTableColumnHelper, createDataTableFilterHelper, DataTable, useDataTable } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { Link } from "react-router-dom"
import { Status } from "../../../components/badges"
import { CommissionDrawer } from "../../../components/commission-drawer"
import { DateRange, DateRangeInputs, rangeQuery } from "../../../components/date-range"
import { ErrorState } from "../../../components/states"
import { Pagination } from "../../../components/table-parts"
import { keys, useDistributionQuery } from "../../../lib/api"
import { useFormat } from "../../../lib/format"
import { useT } from "../../../lib/i18n"
import { rowData, useTableState, withoutSearch } from "../../../lib/table"
import type { Commission, CommissionListResponse } from "../../../lib/types"

const STATUSES = ["pending", "frozen", "settled", "canceled"] as const
const columnHelper = createDataTableColumnHelper<Commission>()
const filterHelper = createDataTableFilterHelper<Commission>()

const CommissionsPage = () => {
  const { t } = useT()
  const f = useFormat()
  const table = useTableState()
  const [range, setRange] = useState<Partial<DateRange>>({})
  const [open, setOpen] = useState<Commission | null>(null)
  const query = { ...withoutSearch(table.query), ...rangeQuery(range) }
  const { data, error, isLoading, refetch } = useDistributionQuery<CommissionListResponse>(keys.commissions(query), "/commissions", query, {
    placeholderData: (previous) => previous,
  })

  const columns = useMemo(
    () => [
      columnHelper.accessor("order_id", {
        header: t("fields.order"),
        cell: ({ getValue }) => (
          <Link className="text-ui-fg-interactive font-mono hover:underline" to={`/orders/${getValue()}`} onClick={(e) => e.stopPropagation()}>
            {getValue().slice(-10)}
          </Link>
        ),
      }),
      columnHelper.accessor("distributor_id", {
        header: t("fields.distributor"),
        cell: ({ getValue }) => <DistributorLink id={getValue()} />,
      }),
      columnHelper.accessor("level", {
        header: t("fields.level"),
        enableSorting: true,
        sortLabel: t("fields.level"),
        sortAscLabel: t("table.asc"),
        sortDescLabel: t("table.desc"),
        cell: ({ getValue }) => t("common.levelN", { level: getValue() }),
      }),
      columnHelper.accessor("status", { header: t("fields.status"), cell: ({ getValue }) => <Status status={getValue()} kind="commission" /> }),
      columnHelper.accessor("amount", {
        header: t("fields.amount"),
        enableSorting: true,
        sortLabel: t("fields.amount"),
        sortAscLabel: t("table.asc"),
        sortDescLabel: t("table.desc"),
        headerAlign: "right",
        align: "right",
        cell: ({ row }) => f.money(row.original.amount, row.original.currency_code),
      }),
      columnHelper.accessor("created_at", {
        header: t("fields.created"),
        enableSorting: true,
        sortLabel: t("fields.created"),
        sortAscLabel: t("table.oldest"),
        sortDescLabel: t("table.newest"),
        cell: ({ getValue }) => f.dateTime(getValue()),
      }),
    ],
    [t, f.locale]
  )

  const filters = useMemo(
    () => [
      filterHelper.accessor("status", { type: "radio", label: t("fields.status"), options: STATUSES.map((s) => ({ label: t(s === "pending" ? "status.commission_pending" : `status.${s}`), value: s })) }),
      filterHelper.accessor("level", { type: "radio", label: t("fields.level"), options: [1, 2, 3].map((l) => ({ label: t("common.levelN", { level: l }), value: String(l) })) }),
      filterHelper.accessor("distributor_id", { type: "string", label: t("fields.distributor"), placeholder: t("commissions.distributorIdPlaceholder") }),
      filterHelper.accessor("order_id", { type: "string", label: t("fields.order"), placeholder: t("commissions.orderIdPlaceholder") }),
    ],
    [t]
  )

  const instance = useDataTable({
    data: data?.commissions ?? [],
    columns,
    filters,
    getRowId: (row) => row.id,
    rowCount: data?.count ?? 0,
    isLoading,
    onRowClick: (_, row) => setOpen(rowData(row)),
    pagination: table.options.pagination,
    filtering: table.options.filtering,
    sorting: table.options.sorting,
  })

  return (
    <Container className="divide-y p-0">
      <DataTable instance={instance}>
        <DataTable.Toolbar
          className="flex flex-col items-start justify-between gap-2 md:flex-row md:items-center"
          translations={{ clearAll: t("table.clearAll"), sort: t("table.sort"), columns: t("table.columns") }}
        >
          <div>
            <Heading level="h1">{t("commissions.title")}</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              {t("commissions.subtitle")}
            </Text>
          </div>
          <div className="flex items-end gap-x-2">
            <DateRangeInputs value={range} onChange={setRange} />
            <DataTable.FilterMenu tooltip={t("table.filter")} />
            <DataTable.SortingMenu tooltip={t("table.sort")} />
          </div>
        </DataTable.Toolbar>
        {error ? (
          <ErrorState error={error} retry={() => refetch()} />
        ) : (
          <DataTable.Table
            emptyState={{
              empty: { heading: t("commissions.empty"), description: t("commissions.emptyHint") },
              filtered: { heading: t("table.noResults"), description: t("table.noResultsHint") },
            }}
          />
        )}
        <Pagination />
      </DataTable>
      <CommissionDrawer commission={open} onClose={() => setOpen(null)} />
    </Container>
  )
}

export const config = defineRouteConfig({ label: "nav.commissions", rank: 2, translationNs: "distribution" })

export default CommissionsPage
