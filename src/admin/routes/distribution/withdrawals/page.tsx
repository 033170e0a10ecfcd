import { defineRouteConfig } from "@medusajs/admin-sdk"
import { DistributorLink } from "../../../components/distributor-link"
import { CheckCircle, CurrencyDollar, ExclamationCircle, XCircle } from "@medusajs/icons"
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
import { useMemo, useRef, useState } from "react"
import { useSearchParams } from "react-router-dom"
import { Status } from "../../../components/badges"
import { ReasonPrompt } from "../../../components/reason-prompt"
import { BatchMarkPaidDrawer } from "../../../components/wallet/batch-mark-paid"
import { downloadCsv } from "../../../components/wallet/download"
import { ErrorState } from "../../../components/states"
import { Pagination } from "../../../components/table-parts"
import { keys, useDistributionMutation, useDistributionQuery } from "../../../lib/api"
import { useFormat } from "../../../lib/format"
import { useT } from "../../../lib/i18n"
import { useTableState, withoutSearch } from "../../../lib/table"
import type { Withdrawal, WithdrawalListResponse } from "../../../lib/types"

const STATUSES = ["requested", "approved", "paid", "rejected", "failed"] as const
type Action = "approve" | "reject" | "mark-paid" | "mark-failed"
/** What each prompted action asks: a reason (reject, mark failed) or a transfer reference (mark paid). */
const PROMPTS: Record<Exclude<Action, "approve">, { title: string; hint: string; confirm: string }> = {
  reject: { title: "withdrawals.rejectTitle", hint: "withdrawals.rejectHint", confirm: "withdrawals.reject" },
  "mark-paid": { title: "withdrawals.markPaidTitle", hint: "withdrawals.markPaidHint", confirm: "withdrawals.markPaid" },
  "mark-failed": { title: "wallet.failed.title", hint: "wallet.failed.hint", confirm: "wallet.failed.action" },
}
const columnHelper = createDataTableColumnHelper<Withdrawal>()
const filterHelper = createDataTableFilterHelper<Withdrawal>()
const commandHelper = createDataTableCommandHelper()

/** The account as the server masks it, one `key: value` per field. */
const accountText = (account: Withdrawal["account"]) =>
  account ? Object.values(account).filter((v) => v !== null && v !== "").join(" · ") : "–"

const WithdrawalsPage = () => {
  const { t } = useT()
  const f = useFormat()
  // `?status=approved` opens the payout queue (links from elsewhere); the review queue by default.
  const [params] = useSearchParams()
  const initialStatus = STATUSES.find((s) => s === params.get("status")) ?? "requested"
  const table = useTableState({ id: "created_at", desc: false }, { status: initialStatus })
  const [asking, setAsking] = useState<{ action: Exclude<Action, "approve">; withdrawal: Withdrawal } | null>(null)
  const query = withoutSearch(table.query)
  const { data, error, isLoading, refetch } = useDistributionQuery<WithdrawalListResponse>(keys.withdrawals(query), "/withdrawals", query, {
    placeholderData: (previous) => previous,
  })
  const [selection, setSelection] = useState<DataTableRowSelectionState>({})
  const [payingBatch, setPayingBatch] = useState(false)
  // Selected rows may sit on other pages: keep every withdrawal seen, by id.
  const seen = useRef(new Map<string, Withdrawal>())
  for (const w of data?.withdrawals ?? []) seen.current.set(w.id, w)
  const selected = Object.keys(selection)
    .filter((id) => selection[id])
    .map((id) => seen.current.get(id))
    .filter((w): w is Withdrawal => !!w && w.status === "approved")
  const act = useDistributionMutation<{ id: string; action: Action; reason?: string; reference?: string }, { withdrawal: Withdrawal }>(
    ({ id, action }) => `/withdrawals/${id}/${action}`,
    ({ reason, reference }) => ({ ...(reason ? { reason } : {}), ...(reference ? { reference } : {}) })
  )

  const run = async (input: { id: string; action: Action; reason?: string; reference?: string }) => {
    const { withdrawal } = await act.mutateAsync(input)
    // Approving a store-credit withdrawal pays it at once (the loyalty plugin's account): say how that went.
    if (input.action === "approve" && withdrawal.status === "paid") return void toast.success(t("wallet.storeCredit.paid"))
    if (input.action === "approve" && withdrawal.status === "failed") {
      return void toast.error(t("wallet.storeCredit.failed"), { description: withdrawal.reason ?? undefined })
    }
    toast.success(t(input.action === "mark-failed" ? "wallet.failed.done" : `withdrawals.done_${input.action}`))
  }

  const downloadBatch = async (ids: string[]) => {
    try {
      const name = await downloadCsv("/withdrawals/batch", { method: "POST", body: { ids }, fallbackName: "withdrawals.csv" })
      toast.success(t("wallet.batch.downloaded", { name }))
    } catch (e) {
      toast.error(t("wallet.batch.downloadFailed"), { description: (e as Error).message })
    }
  }

  const commands = useMemo(
    () => [
      commandHelper.command({
        label: t("wallet.batch.download"),
        shortcut: "D",
        action: (rows) => downloadBatch(Object.keys(rows).filter((id) => rows[id])),
      }),
      commandHelper.command({ label: t("wallet.batch.markPaid"), shortcut: "P", action: () => setPayingBatch(true) }),
    ],
    [t]
  )

  const columns = useMemo(
    () => [
      columnHelper.select(),
      columnHelper.accessor("created_at", {
        header: t("fields.requested"),
        enableSorting: true,
        sortLabel: t("fields.requested"),
        sortAscLabel: t("table.oldest"),
        sortDescLabel: t("table.newest"),
        cell: ({ getValue }) => f.dateTime(getValue()),
      }),
      columnHelper.accessor("distributor_id", {
        header: t("fields.distributor"),
        cell: ({ getValue }) => <DistributorLink id={getValue()} />,
      }),
      columnHelper.accessor("method", {
        header: t("fields.method"),
        cell: ({ row }) => (
          <div className="flex flex-col">
            <span>{t(`methods.${row.original.method}`, { defaultValue: row.original.method })}</span>
            <span className="text-ui-fg-muted txt-compact-xsmall">{accountText(row.original.account)}</span>
          </div>
        ),
      }),
      columnHelper.accessor("amount", {
        header: t("fields.amount"),
        headerAlign: "right",
        align: "right",
        enableSorting: true,
        sortLabel: t("fields.amount"),
        sortAscLabel: t("table.asc"),
        sortDescLabel: t("table.desc"),
        cell: ({ row }) => f.money(row.original.amount, row.original.currency_code),
      }),
      columnHelper.accessor("fee_amount", {
        header: t("fields.fee"),
        headerAlign: "right",
        align: "right",
        cell: ({ row }) => f.money(row.original.fee_amount, row.original.currency_code),
      }),
      columnHelper.accessor("net_amount", {
        header: t("fields.net"),
        headerAlign: "right",
        align: "right",
        cell: ({ row }) => f.money(row.original.net_amount, row.original.currency_code),
      }),
      columnHelper.accessor("status", {
        header: t("fields.status"),
        cell: ({ row }) => (
          <div className="flex flex-col">
            <Status status={row.original.status} />
            {(row.original.reason || row.original.reference) && (
              <span className="text-ui-fg-muted txt-compact-xsmall">{row.original.reason ?? row.original.reference}</span>
            )}
          </div>
        ),
      }),
      columnHelper.action({
        actions: ({ row }) => {
          const w = row.original
          return [
            ...(w.status === "requested"
              ? [{ label: t("withdrawals.approve"), icon: <CheckCircle />, onClick: () => run({ id: w.id, action: "approve" }).catch((e) => toast.error(e.message)) }]
              : []),
            ...(w.status === "approved"
              ? [
                  { label: t("withdrawals.markPaid"), icon: <CurrencyDollar />, onClick: () => setAsking({ action: "mark-paid", withdrawal: w }) },
                  { label: t("wallet.failed.action"), icon: <ExclamationCircle />, onClick: () => setAsking({ action: "mark-failed", withdrawal: w }) },
                ]
              : []),
            ...(w.status === "requested" || w.status === "approved"
              ? [{ label: t("withdrawals.reject"), icon: <XCircle />, onClick: () => setAsking({ action: "reject", withdrawal: w }) }]
              : []),
          ]
        },
      }),
    ],
    [t, f.locale]
  )

  const filters = useMemo(
    () => [filterHelper.accessor("status", { type: "radio", label: t("fields.status"), options: STATUSES.map((s) => ({ label: t(`status.${s}`), value: s })) })],
    [t]
  )

  const instance = useDataTable({
    data: data?.withdrawals ?? [],
    columns,
    filters,
    commands,
    rowSelection: { state: selection, onRowSelectionChange: setSelection, enableRowSelection: (row) => row.original.status === "approved" },
    getRowId: (row) => row.id,
    rowCount: data?.count ?? 0,
    isLoading,
    pagination: table.options.pagination,
    filtering: table.options.filtering,
    sorting: table.options.sorting,
  })

  return (
    <Container className="divide-y p-0" data-testid="withdrawals-page">
      <DataTable instance={instance}>
        <DataTable.Toolbar
          className="flex flex-col items-start justify-between gap-2 md:flex-row md:items-center"
          translations={{ clearAll: t("table.clearAll"), sort: t("table.sort"), columns: t("table.columns") }}
        >
          <div>
            <Heading level="h1">{t("withdrawals.title")}</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              {t("withdrawals.subtitle")}
            </Text>
            <Text size="xsmall" className="text-ui-fg-muted">
              {t("wallet.batch.selectHint")}
            </Text>
          </div>
          <div className="flex items-center gap-x-2">
            <DataTable.FilterMenu tooltip={t("table.filter")} />
            <DataTable.SortingMenu tooltip={t("table.sort")} />
          </div>
        </DataTable.Toolbar>
        {error ? (
          <ErrorState error={error} retry={() => refetch()} />
        ) : (
          <DataTable.Table
            emptyState={{
              empty: { heading: t("withdrawals.empty"), description: t("withdrawals.emptyHint") },
              filtered: { heading: t("withdrawals.emptyQueue"), description: t("table.noResultsHint") },
            }}
          />
        )}
        <Pagination />
        <DataTable.CommandBar selectedLabel={(n) => t("table.selected", { n })} />
      </DataTable>
      <BatchMarkPaidDrawer withdrawals={selected} open={payingBatch} onOpenChange={setPayingBatch} onDone={() => setSelection({})} />
      <ReasonPrompt
        open={!!asking}
        onOpenChange={(o) => !o && setAsking(null)}
        title={asking ? t(PROMPTS[asking.action].title, { amount: f.money(asking.withdrawal.net_amount, asking.withdrawal.currency_code) }) : ""}
        description={asking ? t(PROMPTS[asking.action].hint) : undefined}
        label={asking?.action === "mark-paid" ? t("fields.reference") : t("common.reason")}
        multiline={asking?.action !== "mark-paid"}
        confirmLabel={asking ? t(PROMPTS[asking.action].confirm) : ""}
        onConfirm={(value) =>
          run(
            asking!.action === "mark-paid"
              ? { id: asking!.withdrawal.id, action: "mark-paid", reference: value }
              : { id: asking!.withdrawal.id, action: asking!.action, reason: value }
          )
        }
      />
    </Container>
  )
}

export const config = defineRouteConfig({ label: "nav.withdrawals", rank: 3, translationNs: "distribution" })

export default WithdrawalsPage
