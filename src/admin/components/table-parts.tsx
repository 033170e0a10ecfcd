import { DataTable } from "@medusajs/ui"
import { useT } from "../lib/i18n"

/** DataTable's pagination with its strings in the admin's language. */
export const Pagination = () => {
  const { t } = useT()
  return (
    <DataTable.Pagination
      translations={{
        of: t("table.of"),
        results: t("table.results"),
        pages: t("table.pages"),
        prev: t("table.prev"),
        next: t("table.next"),
      }}
    />
  )
}
