import { FetchError } from "@medusajs/js-sdk"
import { QueryKey, useMutation, useQuery, useQueryClient, UseQueryOptions } from "@tanstack/react-query"
import { sdk } from "./sdk"

const BASE = "/admin/distribution"

type Query = Record<string, string | number | boolean | string[] | undefined | null>

/** Drops empty filters so URLs stay short and the server sees only what was chosen. */
function clean(query?: Query) {
  if (!query) return undefined
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== ""))
}

export function get<T>(path: string, query?: Query) {
  return sdk.client.fetch<T>(`${BASE}${path}`, { query: clean(query) })
}

export function post<T>(path: string, body: Record<string, unknown> = {}) {
  return sdk.client.fetch<T>(`${BASE}${path}`, { method: "POST", body })
}

export const keys = {
  all: ["distribution"] as const,
  stats: (q: Query) => ["distribution", "stats", q] as const,
  distributors: (q: Query) => ["distribution", "distributors", q] as const,
  distributor: (id: string) => ["distribution", "distributor", id] as const,
  team: (id: string, level: number) => ["distribution", "team", id, level] as const,
  commissions: (q: Query) => ["distribution", "commissions", q] as const,
  order: (id: string) => ["distribution", "order", id] as const,
  withdrawals: (q: Query) => ["distribution", "withdrawals", q] as const,
  ledger: (q: Query) => ["distribution", "ledger", q] as const,
  settings: ["distribution", "settings"] as const,
  customer: (id: string) => ["distribution", "customer", id] as const,
}

/** A GET of the plugin's admin API, cached under `key` like the dashboard's own hooks. */
export function useDistributionQuery<T>(
  key: QueryKey,
  path: string,
  query?: Query,
  options?: Omit<UseQueryOptions<T, FetchError>, "queryKey" | "queryFn">
) {
  return useQuery<T, FetchError>({ queryKey: key, queryFn: () => get<T>(path, query), retry: retryUnlessClientError, ...options })
}

/** A POST that refreshes every distribution query once it succeeds. */
export function useDistributionMutation<TBody extends Record<string, unknown>, TResult = unknown>(
  path: (body: TBody) => string,
  body: (input: TBody) => Record<string, unknown> = (input) => input
) {
  const client = useQueryClient()
  return useMutation<TResult, FetchError, TBody>({
    mutationFn: (input) => post<TResult>(path(input), body(input)),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
  })
}

/** 4xx answers (a missing route, bad input) will not change on retry. */
function retryUnlessClientError(count: number, error: FetchError) {
  const status = error?.status ?? 0
  return status >= 400 && status < 500 ? false : count < 2
}

export function errorMessage(error: unknown): string {
  if (!error) return ""
  if (error instanceof Error) return error.message
  return String(error)
}
