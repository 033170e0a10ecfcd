import { Context, DAL } from "@medusajs/framework/types"
import { generateEntityId, InjectManager, InjectTransactionManager, MedusaContext } from "@medusajs/framework/utils"
import { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"

export type RecordVisitInput = {
  code: string
  distributor_id: string
  share_link_id: string | null
  product_id: string | null
  /** Salted hash of the visitor's IP and user agent (never the raw values). */
  visitor_hash: string
  at: Date
  window_minutes: number
}

export type RecordCartCodeInput = {
  cart_id: string
  code: string
  distributor_id: string
  share_link_id: string | null
  product_id: string | null
}

export type CartCodeRow = RecordCartCodeInput & { id: string }

/**
 * Writes the funnel's raw events: visits through a share code (one per visitor, code and
 * window) and carts that carry a code (one per cart). Both are idempotent by unique keys,
 * so reloads, retries and several servers never inflate the counts.
 */
export class ShareTrackingService {
  protected readonly baseRepository_: DAL.RepositoryService

  constructor({ baseRepository }: { baseRepository: DAL.RepositoryService }) {
    this.baseRepository_ = baseRepository
  }

  protected knex_(sharedContext: Context) {
    const manager = (sharedContext.transactionManager ?? sharedContext.manager) as SqlEntityManager
    return manager.getTransactionContext() ?? manager.getKnex()
  }

  /**
   * Records a visit unless this visitor already visited this code in the same window
   * (windows are aligned to the clock: 10:00–10:30, 10:30–11:00 for 30 minutes).
   * Returns the new visit's id, or null when it was a repeat.
   */
  @InjectManager()
  async recordVisit(input: RecordVisitInput, @MedusaContext() sharedContext: Context = {}): Promise<string | null> {
    const windowMs = Math.max(1, input.window_minutes) * 60_000
    const windowStart = new Date(Math.floor(input.at.getTime() / windowMs) * windowMs)
    // ON CONFLICT DO NOTHING: the unique key (code, visitor_hash, window_start) decides,
    // so two concurrent requests of one visitor record one visit without an error.
    const { rows } = await this.knex_(sharedContext).raw(
      `INSERT INTO distribution_code_visit
              (id, code, distributor_id, share_link_id, product_id, visitor_hash, window_start, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT DO NOTHING
       RETURNING id`,
      [
        generateEntityId(undefined, "dvis"),
        input.code,
        input.distributor_id,
        input.share_link_id,
        input.product_id,
        input.visitor_hash,
        windowStart,
        input.at,
        input.at,
      ]
    )
    return rows[0]?.id ?? null
  }

  /**
   * Counts a cart as carrying `code`: one row per cart, moved to the newest code when the
   * cart gets another one. Returns the row before, so a failed workflow can put it back.
   */
  @InjectTransactionManager()
  async recordCartCode(
    input: RecordCartCodeInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; previous: CartCodeRow | null }> {
    const knex = this.knex_(sharedContext)
    const [previous] = await knex("distribution_cart_code")
      .select("id", "cart_id", "code", "distributor_id", "share_link_id", "product_id")
      .where({ cart_id: input.cart_id, deleted_at: null })
      .forUpdate()
    const now = new Date()
    const { rows } = await knex.raw(
      `INSERT INTO distribution_cart_code (id, cart_id, code, distributor_id, share_link_id, product_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (cart_id) WHERE deleted_at IS NULL DO UPDATE
         SET code = EXCLUDED.code, distributor_id = EXCLUDED.distributor_id, share_link_id = EXCLUDED.share_link_id,
             product_id = EXCLUDED.product_id, updated_at = EXCLUDED.updated_at
       RETURNING id`,
      [
        generateEntityId(undefined, "dcart"),
        input.cart_id,
        input.code,
        input.distributor_id,
        input.share_link_id,
        input.product_id,
        now,
        now,
      ]
    )
    return { id: rows[0].id, previous: (previous as CartCodeRow | undefined) ?? null }
  }

  /** Undoes `recordCartCode`: puts the previous row back, or removes the new one. */
  @InjectTransactionManager()
  async restoreCartCode(
    cartId: string,
    previous: CartCodeRow | null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    const knex = this.knex_(sharedContext)
    if (!previous) {
      await knex("distribution_cart_code").where({ cart_id: cartId, deleted_at: null }).delete()
      return
    }
    await knex("distribution_cart_code")
      .update({
        code: previous.code,
        distributor_id: previous.distributor_id,
        share_link_id: previous.share_link_id,
        product_id: previous.product_id,
        updated_at: new Date(),
      })
      .where({ id: previous.id })
  }
}
