import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { syncOrderCommissionsWorkflow } from "../workflows/commission/workflows/sync-order-commissions"

const LOOKBACK_DAYS = Number(process.env.DISTRIBUTION_SWEEP_DAYS ?? 45)
const PAGE_SIZE = 100

/**
 * The local event bus drops events on a crash, so every hour the orders changed in
 * the last weeks are synced again, page by page. A sync that finds nothing to change
 * writes nothing, so this is cheap and safe to overlap with subscribers.
 */
export default async function reconcileRecentOrdersJob(container: MedusaContainer) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const since = new Date(Date.now() - LOOKBACK_DAYS * 24 * 60 * 60 * 1000)
  let offset = 0
  for (;;) {
    const { data } = await query.graph({
      entity: "order",
      fields: ["id"],
      filters: { updated_at: { $gte: since } },
      pagination: { skip: offset, take: PAGE_SIZE, order: { created_at: "ASC" } },
    })
    for (const order of data) {
      // One order that can't be synced must not stop the sweep for all the others.
      try {
        await syncOrderCommissionsWorkflow(container).run({ input: { order_id: order.id, reason: "reconciliation" } })
      } catch (error) {
        logger.warn(`distribution: reconciliation of order ${order.id} failed: ${(error as Error).message}`)
      }
    }
    if (data.length < PAGE_SIZE) break
    offset += PAGE_SIZE
  }
}

export const config = {
  name: "distribution-reconcile-recent-orders",
  schedule: "17 * * * *",
}
