import { defineRouteConfig } from "@medusajs/admin-sdk"
import {
  Container,
  Heading,
  Text,
  createDataTableColumnHelper,
  createDataTableCommandHelper,
  createDataTableFilterHelper,
  DataTable,
  DataTableRowSelectionState,
  toast,
  useDataTable,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useNavigate } from "react-router-dom"
import { Status } from "../../../components/badges"
import { DisabledNote } from "../../../components/disabled-note"
import { ReasonPrompt } from "../../../components/reason-prompt"
import { ErrorState } from "../../../components/states"
import { Pagination } from "../../../components/table-parts"
import { keys, useDistributionQuery } from "../../../lib/api"
import { customerName, useCustomers } from "../../../lib/customers"
import { useBatchDistributors } from "../../../lib/distributor-actions"
import { useFormat } from "../../../lib/format"
import { useT } from "../../../lib/i18n"
import { rowData, useTableState } from "../../../lib/table"
import type { BatchAction, Distributor, DistributorListResponse } from "../../../lib/types"

const STATUSES = ["pending", "active", "suspended", "rejected"] as const
const columnHelper = createDataTableColumnHelper<Distributor>()
const filterHelper = createDataTableFilterHelper<Distributor>()
const commandHelper = createDataTableCommandHelper()

const DistributorsPage = () => {
  const { t } = useT()
  const f = useFormat()
  const navigate = useNavigate()
  const table = useTableState()
  const [selection, setSelection] = useState<DataTableRowSelectionState>({})
  const [pending, setPending] = useState<{ action: BatchAction; ids: string[] } | null>(null)
  const batch = useBatchDistributors()

  const { data, error, isLoading, refetch } = useDistributionQuery<DistributorListResponse>(
    keys.distributors(table.query),
    "/distributors",
    table.query,
    { placeholderData: (previous) => previous }
  )
  const rows = data?.distributors ?? []
  const customers = useCustomers(rows.filter((d) => !d.customer).map((d) => d.customer_id))
  const customerOf = (d: Distributor) => d.customer ?? customers.get(d.customer_id)

  const columns = useMemo(
    () => [
      columnHelper.select(),
      columnHelper.accessor("code", {
        header: t("fields.code"),
        enableSorting: true,
        sortLabel: t("fields.code"),
        sortAscLabel: t("table.asc"),
        sortDescLabel: t("table.desc"),
        cell: ({ getValue }) => <span className="font-mono">{getValue()}</span>,
      }),
      columnHelper.accessor("display_name", {
        header: t("fields.name"),
        cell: ({ row }) => row.original.display_name || customerName(customerOf(row.original)) || "–",
      }),
      columnHelper.accessor("customer_id", {
        id: "email",
        header: t("fields.email"),
        cell: ({ row }) => customerOf(row.original)?.email ?? "–",
      }),
      columnHelper.accessor("status", {
        header: t("fields.status"),
        enableSorting: true,
        sortLabel: t("fields.status"),
        sortAscLabel: t("table.asc"),
        sortDescLabel: t("table.desc"),
        cell: ({ getValue }) => <Status status={getValue()} />,
      }),
      columnHelper.accessor("created_at", {
        header: t("fields.joined"),
        enableSorting: true,
        sortLabel: t("fields.joined"),
        sortAscLabel: t("table.oldest"),
        sortDescLabel: t("table.newest"),
        cell: ({ getValue }) => f.date(getValue()),
      }),
    ],
    [t, f.locale, customers]
  )

  const filters = useMemo(
    () => [
      filterHelper.accessor("status", {
        type: "radio",
        label: t("fields.status"),
        options: STATUSES.map((s) => ({ label: t(`status.${s}`), value: s })),
      }),
    ],
    [t]
  )

  const commands = useMemo(
    () =>
      (["approve", "reject", "suspend"] as const).map((action, i) =>
        commandHelper.command({
          label: t(`actions.${action}`),
          shortcut: ["A", "R", "S"][i],
          action: (selected) => setPending({ action, ids: Object.keys(selected).filter((id) => selected[id]) }),
        })
      ),
    [t]
  )

  const instance = useDataTable({
    data: rows,
    columns,
    filters,
    commands,
    getRowId: (row) => row.id,
    rowCount: data?.count ?? 0,
    isLoading,
    rowSelection: { state: selection, onRowSelectionChange: setSelection },
    onRowClick: (_, row) => navigate(`/distribution/distributors/${rowData(row).id}`),
    ...table.options,
  })

  const confirm = async (reason: string) => {
    if (!pending) return
    await batch.mutateAsync({ ...pending, reason: reason || undefined })
    toast.success(t(`bulk.done_${pending.action}`, { n: pending.ids.length }))
    setSelection({})
  }

  return (
    <Container className="divide-y p-0">
      <DataTable instance={instance}>
        <DataTable.Toolbar
          className="flex flex-col items-start justify-between gap-2 md:flex-row md:items-center"
          translations={{ clearAll: t("table.clearAll"), sort: t("table.sort"), columns: t("table.columns") }}
        >
          <div>
            <Heading level="h1">{t("distributors.title")}</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              {t("distributors.subtitle")}
            </Text>
          </div>
          <div className="flex items-center gap-x-2">
            <DataTable.FilterMenu tooltip={t("table.filter")} />
            <DataTable.SortingMenu tooltip={t("table.sort")} />
            <DataTable.Search placeholder={t("distributors.search")} />
          </div>
        </DataTable.Toolbar>
        <DisabledNote />
        {error ? (
          <ErrorState error={error} retry={() => refetch()} />
        ) : (
          <DataTable.Table
            emptyState={{
              empty: { heading: t("distributors.empty"), description: t("distributors.emptyHint") },
              filtered: { heading: t("table.noResults"), description: t("table.noResultsHint") },
            }}
          />
        )}
        <Pagination />
        <DataTable.CommandBar selectedLabel={(n) => t("table.selected", { n })} />
      </DataTable>
      <ReasonPrompt
        open={!!pending}
        onOpenChange={(open) => !open && setPending(null)}
        title={pending ? t(`bulk.title_${pending.action}`, { n: pending.ids.length }) : ""}
        description={pending ? t(`bulk.description_${pending.action}`) : undefined}
        required={pending?.action !== "approve"}
        label={pending?.action === "approve" ? t("common.noteOptional") : t("common.reason")}
        confirmLabel={pending ? t(`actions.${pending.action}`) : ""}
        onConfirm={confirm}
      />
    </Container>
  )
}

export const config = defineRouteConfig({ label: "nav.distributors", rank: 1, translationNs: "distribution" })

export default DistributorsPage
