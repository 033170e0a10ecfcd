import { FetchError } from "@medusajs/js-sdk"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { keys, post } from "./api"
import type { BatchAction } from "./types"

/**
 * Approve, reject or suspend many distributors: one `POST /distributors/batch` (a workflow on
 * the server); where that route is missing (an older server), one call per distributor.
 */
export function useBatchDistributors() {
  const client = useQueryClient()
  return useMutation<{ done: number }, FetchError, { ids: string[]; action: BatchAction; reason?: string }>({
    mutationFn: async ({ ids, action, reason }) => {
      try {
        await post("/distributors/batch", { ids, action, ...(reason ? { reason } : {}) })
      } catch (e) {
        if (!batchRouteMissing(e as FetchError)) throw e
        for (const id of ids) await post(`/distributors/${id}/${action}`, reason ? { reason } : {})
      }
      return { done: ids.length }
    },
    onSettled: () => client.invalidateQueries({ queryKey: keys.all }),
  })
}

/**
 * A server without the batch route answers 404, or routes `/distributors/batch` to
 * `POST /distributors/:id`, whose strict body refuses `ids` and `action` (400).
 */
function batchRouteMissing(error: FetchError) {
  return error.status === 404 || (error.status === 400 && /unrecognized/i.test(error.message ?? ""))
}

export type DistributorAction = BatchAction | "reactivate"

/** Which actions a distributor's status allows (the server's transition table). */
export const ACTIONS_FROM: Record<DistributorAction, string[]> = {
  approve: ["pending", "rejected"],
  reject: ["pending"],
  suspend: ["active", "pending"],
  reactivate: ["suspended"],
}

export function useDistributorAction() {
  const client = useQueryClient()
  return useMutation<unknown, FetchError, { id: string; action: DistributorAction; reason?: string }>({
    mutationFn: ({ id, action, reason }) => post(`/distributors/${id}/${action}`, reason ? { reason } : {}),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
  })
}
