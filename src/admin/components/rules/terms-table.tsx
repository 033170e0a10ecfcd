import { PencilSquare, Trash } from "@medusajs/icons"
import { Button, Container, createDataTableColumnHelper, DataTable, DataTableColumnDef, DataTablePaginationState, Heading, Text, useDataTable } from "@medusajs/ui"
import { ReactNode, useMemo, useState } from "react"
import { ErrorState } from "../states"
import { Pagination } from "../table-parts"
import { useDistributionQuery } from "../../lib/api"
import { useT } from "../../lib/i18n"
import { PAGE_SIZE } from "../../lib/table"
import { DeletePrompt } from "./form-parts"
import { termsKeys, useTermsWriter } from "./terms"

type Row = { id: string; name?: string | null }

/** The list route's answer: `{ <plural>: rows, count }`. */
export function useTermsList<T>(path: string, plural: string, pagination?: DataTablePaginationState) {
  const query = pagination ? { limit: pagination.pageSize, offset: pagination.pageIndex * pagination.pageSize } : { limit: 100 }
  const result = useDistributionQuery<Record<string, unknown> & { count: number }>(termsKeys.list(path, query), path, query, { placeholderData: (p) => p })
  return { ...result, rows: ((result.data?.[plural] as T[]) ?? []) as T[], count: result.data?.count ?? 0 }
}

/**
 * A list of one kind of terms in Medusa's DataTable, with Create, and Edit / Delete per row.
 * The form is the caller's (a drawer given the row being edited, or null for a new one).
 */
export function TermsTable<T extends Row>({
  path,
  plural,
  testId,
  title,
  subtitle,
  emptyHint,
  columns,
  form,
  deleteTitle,
  extraActions,
}: {
  path: string
  plural: string
  testId: string
  title: string
  subtitle: string
  emptyHint: string
  columns: DataTableColumnDef<T, any>[]
  form: (editing: { row: T | null } | null, close: () => void) => ReactNode
  deleteTitle: (row: T) => string
  extraActions?: ReactNode
}) {
  const { t } = useT()
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize: PAGE_SIZE })
  const list = useTermsList<T>(path, plural, pagination)
  const writer = useTermsWriter(path)
  const [editing, setEditing] = useState<{ row: T | null } | null>(null)
  const [deleting, setDeleting] = useState<T | null>(null)
  const helper = createDataTableColumnHelper<T>()

  const all = useMemo(
    () => [
      ...columns,
      helper.action({
        actions: ({ row }) => [
          { label: t("common.edit"), icon: <PencilSquare />, onClick: () => setEditing({ row: row.original }) },
          { label: t("rules.common.delete"), icon: <Trash />, onClick: () => setDeleting(row.original) },
        ],
      }),
    ],
    [columns, t]
  )
  const instance = useDataTable({
    data: list.rows,
    columns: all as never,
    getRowId: (row: T) => row.id,
    rowCount: list.count,
    isLoading: list.isLoading,
    pagination: { state: pagination, onPaginationChange: setPagination },
  })

  return (
    <Container className="divide-y p-0" data-testid={testId}>
      <DataTable instance={instance}>
        <DataTable.Toolbar className="flex flex-col items-start justify-between gap-2 md:flex-row md:items-center">
          <div>
            <Heading level="h1">{title}</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              {subtitle}
            </Text>
          </div>
          <div className="flex items-center gap-x-2">
            {extraActions}
            <Button size="small" variant="secondary" onClick={() => setEditing({ row: null })} data-testid={`${testId}-create`}>
              {t("rules.common.create")}
            </Button>
          </div>
        </DataTable.Toolbar>
        {list.error ? (
          <ErrorState error={list.error} retry={() => list.refetch()} />
        ) : (
          <DataTable.Table emptyState={{ empty: { heading: t("rules.common.empty"), description: emptyHint } }} />
        )}
        <Pagination />
      </DataTable>
      {form(editing, () => setEditing(null))}
      <DeletePrompt
        open={!!deleting}
        onOpenChange={(o) => !o && setDeleting(null)}
        title={deleting ? deleteTitle(deleting) : ""}
        onConfirm={() => writer.remove(deleting!.id)}
      />
    </Container>
  )
}
