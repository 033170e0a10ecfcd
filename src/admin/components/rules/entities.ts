import { useQuery } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"

/** Medusa's own entities a rule, campaign or grade points at, read from Medusa's admin API. */
export const ENTITIES = {
  product: { path: "/admin/products", list: "products", label: "title" },
  category: { path: "/admin/product-categories", list: "product_categories", label: "name" },
  collection: { path: "/admin/collections", list: "collections", label: "title" },
  product_type: { path: "/admin/product-types", list: "product_types", label: "value" },
  customer_group: { path: "/admin/customer-groups", list: "customer_groups", label: "name" },
} as const
export type EntityKind = keyof typeof ENTITIES
export type EntityOption = { id: string; label: string }

async function listEntities(kind: EntityKind, query: Record<string, unknown>): Promise<EntityOption[]> {
  const e = ENTITIES[kind]
  const res = await sdk.client.fetch<Record<string, Record<string, string>[]>>(e.path, { query: { ...query, fields: `id,${e.label}` } })
  return (res[e.list] ?? []).map((row) => ({ id: row.id, label: row[e.label] || row.id }))
}

/** Up to 20 entities of a kind matching the search text. */
export function useEntitySearch(kind: EntityKind | null, q: string, enabled = true) {
  return useQuery({
    queryKey: ["distribution", "entities", kind, q],
    queryFn: () => listEntities(kind!, { q: q.trim() || undefined, limit: 20 }),
    enabled: !!kind && enabled,
  })
}

/** Names of the given entities, by id (one request per kind), so lists show names, not ids. */
export function useEntityNames(kind: EntityKind | null, ids: string[]) {
  const unique = [...new Set(ids.filter(Boolean))].sort()
  const { data } = useQuery({
    queryKey: ["distribution", "entity-names", kind, unique],
    queryFn: () => listEntities(kind!, { id: unique, limit: unique.length }),
    enabled: !!kind && unique.length > 0,
  })
  return new Map((data ?? []).map((o) => [o.id, o.label]))
}
