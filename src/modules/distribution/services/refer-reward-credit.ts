import { Context, DAL, InferEntityType, ModulesSdkTypes } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext } from "@medusajs/framework/utils"
import { LedgerEntry, ReferReward, ReferRewardOrder } from "../models"
import { asAmount, referRewardGroups, ReferredOrder, ReferRewardTerms } from "../calculations"
import { sqlOf } from "../db"

type Deps = {
  baseRepository: DAL.RepositoryService
  referRewardService: ModulesSdkTypes.IMedusaInternalService<typeof ReferReward>
  referRewardOrderService: ModulesSdkTypes.IMedusaInternalService<typeof ReferRewardOrder>
  ledgerEntryService: ModulesSdkTypes.IMedusaInternalService<typeof LedgerEntry>
}

export type ReferRewardRow = InferEntityType<typeof ReferReward>

/**
 * A referred order that can count: placed by a customer the distributor brought (bound, or by
 * their code; never their own order), whose level-1 commission to that distributor has settled
 * with a kept value above 0, and not counted by a reward yet. A canceled or fully refunded
 * order never settles, so it never counts. Only orders placed since the reward was last
 * switched on by an admin count: switching it on never pays for the sales of the months
 * before (on from the plugin options, with no recorded change: every order counts).
 */
const ELIGIBLE = `
  FROM distribution_order_attribution a
  JOIN distribution_distributor d ON d.id = a.distributor_id AND d.status = 'active' AND d.deleted_at IS NULL
  JOIN distribution_commission c ON c.order_id = a.order_id AND c.distributor_id = a.distributor_id AND c.level = 1
       AND c.status = 'settled' AND c.base_amount > 0 AND c.deleted_at IS NULL
 WHERE a.deleted_at IS NULL AND a.source <> 'self' AND a.customer_id IS NOT NULL AND a.customer_id <> d.customer_id
   AND a.created_at >= COALESCE(
         (SELECT MAX(s.created_at) FROM distribution_setting_change s
           WHERE s.deleted_at IS NULL AND s.changes->'refer_reward_enabled'->>'to' = 'true'),
         '-infinity'::timestamptz)
   AND NOT EXISTS (SELECT 1 FROM distribution_refer_reward_order r WHERE r.order_id = a.order_id AND r.deleted_at IS NULL)`

/**
 * 推三返一 (refer-N-get-one): credits a distributor when N customers they referred each have a
 * settled order within the window (see `referRewardGroups`). A reward for sales, never for
 * sign-ups: only settled, kept orders count. Per distributor, an advisory lock makes a second
 * worker wait and then find the orders used; `refer_reward_order.order_id` and
 * `refer_reward.reward_key` are unique, and the ledger's `(type, reference_id)` too, so a
 * replay credits nothing.
 */
export class ReferRewardCreditService {
  protected readonly baseRepository_: DAL.RepositoryService
  protected readonly rewards_: Deps["referRewardService"]
  protected readonly rewardOrders_: Deps["referRewardOrderService"]
  protected readonly ledger_: Deps["ledgerEntryService"]

  constructor({ baseRepository, referRewardService, referRewardOrderService, ledgerEntryService }: Deps) {
    this.baseRepository_ = baseRepository
    this.rewards_ = referRewardService
    this.rewardOrders_ = referRewardOrderService
    this.ledger_ = ledgerEntryService
  }

  /** Active distributors with referred, settled orders not counted yet (of these ids, when given). */
  @InjectManager()
  async candidates(distributorIds: string[] | null, @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    if (distributorIds && !distributorIds.length) return []
    const sql = await sqlOf(sharedContext)
    const { rows } = await sql.raw(
      `SELECT DISTINCT a.distributor_id ${ELIGIBLE} ${distributorIds ? "AND a.distributor_id = ANY(?)" : ""} ORDER BY a.distributor_id`,
      distributorIds ? [distributorIds] : []
    )
    return rows.map((r: { distributor_id: string }) => r.distributor_id)
  }

  @InjectTransactionManager()
  async pay(distributorId: string, terms: ReferRewardTerms, @MedusaContext() sharedContext: Context = {}): Promise<ReferRewardRow[]> {
    const sql = await sqlOf(sharedContext)
    await sql.raw("SELECT pg_advisory_xact_lock(hashtext(?))", [`distribution-refer-reward:${distributorId}`])
    const { rows } = await sql.raw(
      `SELECT a.order_id, a.customer_id, c.currency_code, a.created_at AS placed_at, c.base_amount::text AS base
       ${ELIGIBLE} AND a.distributor_id = ? ORDER BY a.created_at, a.order_id`,
      [distributorId]
    )
    const orders = (rows as ReferredOrder[]).map((o) => ({ ...o, placed_at: new Date(o.placed_at) }))
    const created: ReferRewardRow[] = []
    for (const group of referRewardGroups(orders, terms)) {
      const orderIds = group.orders.map((o) => o.order_id)
      const reward = await this.rewards_.create(
        {
          distributor_id: distributorId,
          currency_code: group.currency_code,
          reward_key: `${distributorId}:${group.currency_code}:${[...orderIds].sort().join(",")}`,
          order_ids: orderIds as unknown as Record<string, unknown>,
          base_order_id: group.base_order.order_id,
          base_amount: asAmount(group.base_order.base),
          amount: asAmount(group.amount),
          n: terms.n,
          window_days: terms.window_days,
          cap: terms.cap === null ? null : String(terms.cap),
        },
        sharedContext
      )
      await this.rewardOrders_.create(
        orderIds.map((order_id) => ({ reward_id: reward.id, order_id, distributor_id: distributorId })),
        sharedContext
      )
      const capped = group.amount !== group.base_order.base && terms.cap !== null ? `, capped at ${terms.cap}` : ""
      await this.ledger_.create(
        {
          distributor_id: distributorId,
          currency_code: group.currency_code,
          amount: asAmount(group.amount),
          type: "refer_reward" as const,
          reference_id: reward.id,
          note: `推三返一 refer-${terms.n}-get-one: ${terms.n} referred orders within ${terms.window_days} days; the smallest, ${group.base_order.order_id} (${group.base_order.base})${capped}`,
        },
        sharedContext
      )
      created.push(reward)
    }
    return created
  }

  /** Takes back rewards made a moment ago, with their orders and ledger credits (a workflow's compensation). */
  @InjectTransactionManager()
  async undo(ids: string[], @MedusaContext() sharedContext: Context = {}): Promise<void> {
    if (!ids.length) return
    const entries = await this.ledger_.list({ type: "refer_reward", reference_id: ids }, { select: ["id"] }, sharedContext)
    if (entries.length) await this.ledger_.delete(entries.map((e) => e.id), sharedContext)
    const orders = await this.rewardOrders_.list({ reward_id: ids }, { select: ["id"] }, sharedContext)
    if (orders.length) await this.rewardOrders_.delete(orders.map((o) => o.id), sharedContext)
    await this.rewards_.delete(ids, sharedContext)
  }
}
