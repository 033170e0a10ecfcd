import { Context, DAL, ModulesSdkTypes } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext } from "@medusajs/framework/utils"
import { Withdrawal } from "../models"
import { sqlOf } from "../db"
import { accountKeyring, openAccount, protectAccount } from "../account-crypto"

type Deps = {
  baseRepository: DAL.RepositoryService
  withdrawalService: ModulesSdkTypes.IMedusaInternalService<typeof Withdrawal>
}

/**
 * Withdrawal accounts are stored sealed (AES-256-GCM) next to a masked copy: this is the one
 * place that opens them (for the admin's batch payout file) and re-seals them with the
 * current key (rotation).
 */
export class AccountVaultService {
  protected readonly baseRepository_: DAL.RepositoryService
  protected readonly withdrawals_: Deps["withdrawalService"]

  constructor({ baseRepository, withdrawalService }: Deps) {
    this.baseRepository_ = baseRepository
    this.withdrawals_ = withdrawalService
  }

  /**
   * Re-seals one page of rows not sealed with the current key (older keys, or plaintext left
   * from before encryption); `SKIP LOCKED` lets two workers share the work. Answers how many
   * it re-sealed: call again until 0.
   */
  @InjectTransactionManager()
  async rotate(limit = 500, @MedusaContext() sharedContext: Context = {}): Promise<number> {
    const ring = accountKeyring()
    const sql = await sqlOf(sharedContext)
    const rows: { id: string; account: Record<string, unknown> | null; account_encrypted: string | null }[] = await sql("distribution_withdrawal")
      .select("id", "account", "account_encrypted")
      .where({ deleted_at: null })
      .andWhereRaw("account_key_id IS DISTINCT FROM ?", [ring.current])
      .orderBy("id")
      .limit(limit)
      .forUpdate()
      .skipLocked()
    if (!rows.length) return 0
    await this.withdrawals_.update(
      rows.map((row) => {
        const plain = row.account_encrypted ? openAccount(row.account_encrypted, ring) : (row.account ?? {})
        return { id: row.id, ...protectAccount(plain, ring) }
      }),
      sharedContext
    )
    return rows.length
  }

  /** The real accounts of these withdrawals, by id: only for the admin's payout file. */
  @InjectManager()
  async openAccounts(ids: string[], @MedusaContext() sharedContext: Context = {}): Promise<Map<string, Record<string, unknown>>> {
    const rows = await this.withdrawals_.list({ id: ids }, { select: ["id", "account_encrypted", "account"] }, sharedContext)
    const ring = accountKeyring()
    return new Map(rows.map((r) => [r.id, r.account_encrypted ? openAccount(r.account_encrypted, ring) : ((r.account ?? {}) as Record<string, unknown>)]))
  }
}
