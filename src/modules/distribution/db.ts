import { Context } from "@medusajs/framework/types"
import { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"

/**
 * The knex of the current transaction (or connection): for locks and aggregates only; rows
 * are written through the ORM. The ORM defers its writes until a flush, and a raw statement
 * can't see a deferred write, so this flushes first.
 */
export async function sqlOf(sharedContext: Context) {
  const manager = (sharedContext.transactionManager ?? sharedContext.manager) as SqlEntityManager
  if (sharedContext.transactionManager) await manager.flush()
  return manager.getTransactionContext() ?? manager.getKnex()
}
