import { useQuery } from "@tanstack/react-query"
import { sdk } from "./sdk"

export type CustomerSummary = { id: string; email: string | null; first_name: string | null; last_name: string | null }

/** The customers behind a page of distributors, by id, through Medusa's own admin API. */
export function useCustomers(ids: string[]) {
  const unique = [...new Set(ids.filter(Boolean))].sort()
  const { data } = useQuery({
    queryKey: ["distribution", "customers", unique],
    queryFn: () => sdk.admin.customer.list({ id: unique, limit: unique.length, fields: "id,email,first_name,last_name" }),
    enabled: unique.length > 0,
  })
  return new Map((data?.customers ?? []).map((c) => [c.id, c as CustomerSummary]))
}

export function customerName(c: CustomerSummary | undefined | null) {
  if (!c) return null
  return [c.first_name, c.last_name].filter(Boolean).join(" ") || null
}
