import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { DISTRIBUTION_MODULE } from "../modules/distribution"
import DistributionModuleService from "../modules/distribution/service"
import { syncOrderCommissionsWorkflow } from "../workflows/commission/workflows/sync-order-commissions"

const LOOKBACK_DAYS = Number(process.env.DISTRIBUTION_SWEEP_DAYS ?? 45)
const PAGE_SIZE = 100
const DAY_MS = 24 * 60 * 60 * 1000
// Orders are created a little before their `order.placed` event runs: look back this far
// past the bookmark so an order still being placed at the last run is not skipped.
const OVERLAP_MS = 60 * 60 * 1000

type SweepState = { attributed_through: string; last_run_at: string }

/**
 * The local event bus drops events on a crash, so every hour this re-syncs the orders whose
 * commissions can still change, page by page — never all recent orders:
 * 1. orders placed since the bookmark that have no attribution yet (their first sync was lost);
 * 2. attributed orders whose trigger was not reached yet, or whose commissions are still
 *    frozen (a refund can still change them);
 * 3. attributed orders Medusa changed since the last run.
 * A sync that finds nothing to change writes nothing, so overlapping subscribers is safe; one
 * order that fails doesn't stop the others, and holds the bookmark so it is tried again.
 */
export default async function reconcileRecentOrdersJob(container: MedusaContainer) {
  const locking = container.resolve(Modules.LOCKING)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  // One sweep at a time across workers: a second one finds the lock taken and skips.
  let ran = false
  await locking
    .execute("distribution:reconciliation-sweep", async () => {
      ran = true
      const { synced, failed } = await sweep(container)
      logger.info(`distribution: reconciliation sweep synced ${synced} order(s), ${failed} failed`)
    }, { timeout: 1 })
    .catch((error: Error) => {
      if (ran) throw error
      logger.info("distribution: another worker is running the reconciliation sweep; skipped")
    })
}

export async function sweep(container: MedusaContainer, now = new Date()) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
  const windowStart = new Date(now.getTime() - LOOKBACK_DAYS * DAY_MS)
  const state = await service.readJobState<SweepState>("reconciliation-sweep")
  const bookmark = new Date(Math.max(windowStart.getTime(), state ? new Date(state.attributed_through).getTime() - OVERLAP_MS : 0))
  const lastRun = state ? new Date(new Date(state.last_run_at).getTime() - OVERLAP_MS) : windowStart

  const failedAt: Date[] = []
  const synced = new Set<string>()
  const sync = async (orderId: string, createdAt?: Date) => {
    if (synced.has(orderId)) return
    synced.add(orderId)
    try {
      await syncOrderCommissionsWorkflow(container).run({ input: { order_id: orderId, reason: "reconciliation" } })
    } catch (error) {
      if (createdAt) failedAt.push(createdAt)
      logger.warn(`distribution: reconciliation of order ${orderId} failed: ${(error as Error).message}`)
    }
  }

  // 1. Placed since the bookmark, never attributed.
  let scannedThrough = bookmark
  for (let skip = 0; ; skip += PAGE_SIZE) {
    const { data: orders } = await query.graph({
      entity: "order",
      fields: ["id", "created_at"],
      filters: { created_at: { $gte: bookmark, $lte: now } },
      pagination: { skip, take: PAGE_SIZE, order: { created_at: "ASC" } },
    })
    const known = new Set(
      (await service.listOrderAttributions({ order_id: orders.map((o) => o.id) }, { select: ["order_id"], take: orders.length })).map(
        (a) => a.order_id
      )
    )
    for (const order of orders) {
      if (!known.has(order.id)) await sync(order.id, new Date(order.created_at as Date))
      scannedThrough = new Date(order.created_at as Date)
    }
    if (orders.length < PAGE_SIZE) break
  }

  // 2. Commissions that can still change.
  for (let skip = 0; ; skip += PAGE_SIZE) {
    const open = await service.listOrderAttributions(
      { triggered_at: null, distributor_id: { $ne: null }, created_at: { $gte: windowStart } },
      { select: ["order_id"], skip, take: PAGE_SIZE, order: { created_at: "ASC" } }
    )
    for (const a of open) await sync(a.order_id)
    if (open.length < PAGE_SIZE) break
  }
  for (let skip = 0; ; skip += PAGE_SIZE) {
    const frozen = await service.listCommissions(
      { status: "frozen", created_at: { $gte: windowStart } },
      { select: ["order_id"], skip, take: PAGE_SIZE, order: { created_at: "ASC" } }
    )
    for (const c of frozen) await sync(c.order_id)
    if (frozen.length < PAGE_SIZE) break
  }

  // 3. Changed by Medusa since the last run (a refund after settlement, say).
  for (let skip = 0; ; skip += PAGE_SIZE) {
    const { data: orders } = await query.graph({
      entity: "order",
      fields: ["id"],
      filters: { updated_at: { $gte: lastRun }, created_at: { $gte: windowStart } },
      pagination: { skip, take: PAGE_SIZE, order: { updated_at: "ASC" } },
    })
    const attributed = await service.listOrderAttributions(
      { order_id: orders.map((o) => o.id), distributor_id: { $ne: null } },
      { select: ["order_id"], take: orders.length }
    )
    for (const a of attributed) await sync(a.order_id)
    if (orders.length < PAGE_SIZE) break
  }

  const oldestFailure = failedAt.length ? new Date(Math.min(...failedAt.map((d) => d.getTime()))) : null
  await service.writeJobState("reconciliation-sweep", {
    attributed_through: (oldestFailure && oldestFailure < scannedThrough ? oldestFailure : scannedThrough).toISOString(),
    last_run_at: now.toISOString(),
  })
  return { synced: synced.size, failed: failedAt.length }
}

export const config = {
  name: "distribution-reconcile-recent-orders",
  schedule: "17 * * * *",
}
