import { Context, DAL } from "@medusajs/framework/types"
import { generateEntityId, InjectTransactionManager, MedusaContext } from "@medusajs/framework/utils"
import { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"

export type RepurchaseReminderClaim = {
  customer_id: string
  distributor_id: string
  last_order_id: string
  interval_days: number
  due_at: Date
}

export type ClaimedRepurchaseReminder = RepurchaseReminderClaim & { id: string }

/**
 * Claims repurchase reminders: the unique key (customer, last order) lets exactly one of
 * several workers running the job at once claim a reminder, and only the claimer sends it.
 */
// Not "RepurchaseReminderService": Medusa registers the RepurchaseReminder model's own data
// service under that name (repurchaseReminderService), and a class here would replace it.
export class RepurchaseClaimsService {
  protected readonly baseRepository_: DAL.RepositoryService

  constructor({ baseRepository }: { baseRepository: DAL.RepositoryService }) {
    this.baseRepository_ = baseRepository
  }

  /** Inserts the reminders not claimed before; returns those this call claimed. */
  @InjectTransactionManager()
  async claimReminders(
    claims: RepurchaseReminderClaim[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ClaimedRepurchaseReminder[]> {
    if (!claims.length) return []
    const manager = sharedContext.transactionManager as SqlEntityManager
    const knex = manager.getTransactionContext() ?? manager.getKnex()
    const now = new Date()
    const values = claims.map((c) => [
      generateEntityId(undefined, "drem"),
      c.customer_id,
      c.distributor_id,
      c.last_order_id,
      c.interval_days,
      c.due_at,
      now,
      now,
    ])
    const { rows } = await knex.raw(
      `INSERT INTO distribution_repurchase_reminder
              (id, customer_id, distributor_id, last_order_id, interval_days, due_at, created_at, updated_at)
       VALUES ${values.map(() => "(?, ?, ?, ?, ?, ?, ?, ?)").join(", ")}
       ON CONFLICT DO NOTHING
       RETURNING id, customer_id, distributor_id, last_order_id, interval_days, due_at`,
      values.flat()
    )
    return rows as ClaimedRepurchaseReminder[]
  }
}
