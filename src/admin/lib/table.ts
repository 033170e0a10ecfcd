import type { DataTableFilteringState, DataTablePaginationState, DataTableSortingState } from "@medusajs/ui"
import { useState } from "react"

export const PAGE_SIZE = 20

/** Search, filters, sorting and pagination of a DataTable, and the list query they make. */
export function useTableState(defaultSort: DataTableSortingState = { id: "created_at", desc: true }, initialFilters: DataTableFilteringState = {}) {
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize: PAGE_SIZE })
  const [search, setSearch] = useState("")
  const [filtering, setFiltering] = useState<DataTableFilteringState>(initialFilters)
  const [sorting, setSorting] = useState<DataTableSortingState | null>(defaultSort)

  const filters = Object.fromEntries(
    Object.entries(filtering).filter(([, v]) => v !== undefined && v !== null && v !== "" && !(Array.isArray(v) && !v.length))
  ) as Record<string, string | string[]>

  const query = {
    limit: pagination.pageSize,
    offset: pagination.pageIndex * pagination.pageSize,
    q: search || undefined,
    order: sorting ? `${sorting.desc ? "-" : ""}${sorting.id}` : undefined,
    ...filters,
  }

  return {
    query,
    options: {
      pagination: { state: pagination, onPaginationChange: setPagination },
      search: { state: search, onSearchChange: setSearch },
      filtering: { state: filtering, onFilteringChange: setFiltering },
      sorting: { state: sorting, onSortingChange: setSorting },
    },
  }
}

/** The list query for lists that have no search box. */
export function withoutSearch<T extends { q?: string }>(query: T): Omit<T, "q"> {
  const copy: Partial<T> = { ...query }
  delete copy.q
  return copy as Omit<T, "q">
}

/**
 * `useDataTable`'s `onRowClick` is typed as receiving the row's data but receives the
 * table's row (@medusajs/ui 4.2.6): this takes the data out of either.
 */
export function rowData<T>(row: T): T {
  return (row as unknown as { original?: T }).original ?? row
}
