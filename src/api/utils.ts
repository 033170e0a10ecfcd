import { AuthenticatedMedusaRequest, MedusaRequest } from "@medusajs/framework/http"
import { MathBN } from "@medusajs/framework/utils"
import { DISTRIBUTION_MODULE } from "../modules/distribution"
import DistributionModuleService from "../modules/distribution/service"
import { notFound } from "../modules/distribution/errors"
import { maskAccount } from "../modules/distribution/account-crypto"

export const distributionService = (req: MedusaRequest): DistributionModuleService =>
  req.scope.resolve(DISTRIBUTION_MODULE)

/** `limit`/`offset` from the validated query, with the list defaults. */
export function pageOf(req: MedusaRequest, defaultLimit = 20) {
  const q = (req.validatedQuery ?? {}) as { limit?: number; offset?: number }
  return { take: q.limit ?? defaultLimit, skip: q.offset ?? 0 }
}

/** The logged-in customer's distributor record, or a 404 that says what to do. */
export async function myDistributor(req: AuthenticatedMedusaRequest) {
  const service = distributionService(req)
  const [distributor] = await service.listDistributors({ customer_id: req.auth_context.actor_id }, { take: 1 })
  if (!distributor) {
    throw notFound("You are not a distributor yet: apply with POST /store/distribution/apply")
  }
  return distributor
}

/** API amounts are numbers in major units (as Medusa serializes BigNumber); stored values stay exact. */
export const asNumber = (value: unknown): number => MathBN.convert((value ?? 0) as string).toNumber()

type StoredLine = { base: string; rate?: string; fixed?: string; amount: string; [key: string]: unknown }

/** A line earns a `rate` of its base or a `fixed` amount per unit: whichever it has is shown, as a number. */
export function formatLines(lines: unknown): Record<string, unknown>[] {
  return ((lines ?? []) as StoredLine[]).map((line) => ({
    ...line,
    base: asNumber(line.base),
    ...(line.fixed !== undefined ? { fixed: asNumber(line.fixed) } : { rate: asNumber(line.rate) }),
    amount: asNumber(line.amount),
  }))
}

export function formatCommission(c: Record<string, any>, adjustments?: Record<string, any>[]) {
  return {
    id: c.id,
    order_id: c.order_id,
    distributor_id: c.distributor_id,
    level: c.level,
    status: c.status,
    amount: asNumber(c.amount),
    accrued_amount: asNumber(c.accrued_amount),
    reversed_amount: asNumber(c.reversed_amount),
    currency_code: c.currency_code,
    available_at: c.available_at,
    settled_at: c.settled_at,
    created_at: c.created_at,
    lines: formatLines(c.lines),
    ...(adjustments
      ? {
          adjustments: adjustments.map((a) => ({
            id: a.id,
            amount: asNumber(a.amount),
            reason: a.reason,
            source_id: a.source_id,
            created_at: a.created_at,
          })),
        }
      : {}),
  }
}

export function formatWithdrawal(w: Record<string, any>) {
  return {
    id: w.id,
    distributor_id: w.distributor_id,
    currency_code: w.currency_code,
    amount: asNumber(w.amount),
    fee_amount: asNumber(w.fee_amount),
    net_amount: asNumber(w.net_amount),
    method: w.method,
    // Stored masked already; masking again is a no-op that keeps any older row masked too.
    account: maskAccount(w.account),
    status: w.status,
    reason: w.reason,
    reference: w.reference,
    approved_at: w.approved_at,
    paid_at: w.paid_at,
    rejected_at: w.rejected_at,
    created_at: w.created_at,
  }
}

/**
 * A row read with `query.graph` and the caller's `fields`: amounts it holds become numbers
 * (as everywhere in the API) and commission lines are shown as `formatLines` does; fields it
 * was not asked for stay absent.
 */
export function withNumbers<T extends Record<string, unknown>>(row: T, amountKeys: readonly string[]): T {
  const out: Record<string, unknown> = { ...row }
  for (const key of amountKeys) if (out[key] !== undefined && out[key] !== null) out[key] = asNumber(out[key])
  if (Array.isArray(out.lines)) out.lines = formatLines(out.lines)
  return out as T
}
