import { Context, DAL, InferEntityType, ModulesSdkTypes } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MathBN, MedusaContext } from "@medusajs/framework/utils"
import { Commission, LedgerEntry, WalletAccount, Withdrawal } from "../models"
import { asAmount } from "../calculations"
import { sqlOf } from "../db"
import { notAllowed, notFound } from "../errors"
import { refusedTransition, WithdrawalAction, WithdrawalStatus, WITHDRAWAL_TRANSITIONS } from "../transitions"
import { WithdrawalMethod } from "../withdrawal-accounts"
import { CurrencyBalance, SettledCommission, ValidatedWithdrawal } from "../../../types"

type Deps = {
  baseRepository: DAL.RepositoryService
  walletAccountService: ModulesSdkTypes.IMedusaInternalService<typeof WalletAccount>
  ledgerEntryService: ModulesSdkTypes.IMedusaInternalService<typeof LedgerEntry>
  withdrawalService: ModulesSdkTypes.IMedusaInternalService<typeof Withdrawal>
  commissionService: ModulesSdkTypes.IMedusaInternalService<typeof Commission>
}

export type WithdrawalRow = InferEntityType<typeof Withdrawal>
export type LedgerEntryRow = InferEntityType<typeof LedgerEntry>
/** A withdrawal as read under its row lock: amounts are Postgres numerics, as exact strings. */
export type LockedWithdrawal = {
  id: string
  status: WithdrawalStatus
  distributor_id: string
  currency_code: string
  amount: string
  net_amount: string
  method: WithdrawalMethod
}

export type WalletAdjustmentInput = {
  distributor_id: string
  currency_code: string
  /** Signed, non-zero, at most the currency's precision: a credit (> 0) or a debit (< 0). */
  amount: string
  reason: string
  /** The admin user who made it. */
  created_by: string | null
}

/**
 * The wallet: an append-only ledger of signed amounts per distributor and currency,
 * balance = sum. Withdrawals debit it at once under a lock on the wallet's account row,
 * so concurrent requests on several servers can never take it below zero.
 */
export class WalletLedgerService {
  protected readonly baseRepository_: DAL.RepositoryService
  protected readonly accounts_: Deps["walletAccountService"]
  protected readonly ledger_: Deps["ledgerEntryService"]
  protected readonly withdrawals_: Deps["withdrawalService"]
  protected readonly commissions_: Deps["commissionService"]

  constructor({ baseRepository, walletAccountService, ledgerEntryService, withdrawalService, commissionService }: Deps) {
    this.baseRepository_ = baseRepository
    this.accounts_ = walletAccountService
    this.ledger_ = ledgerEntryService
    this.withdrawals_ = withdrawalService
    this.commissions_ = commissionService
  }

  /**
   * The wallet's account row, created on first use in a transaction of its own: two first
   * requests at once both try, the unique key keeps one, and neither aborts a transaction
   * that matters.
   */
  @InjectManager()
  async ensureAccount(distributorId: string, currencyCode: string, @MedusaContext() sharedContext: Context = {}) {
    const key = { distributor_id: distributorId, currency_code: currencyCode.toLowerCase() }
    const [existing] = await this.accounts_.list(key, { take: 1 }, sharedContext)
    if (existing) return existing
    try {
      return await this.accounts_.create(key, { manager: sharedContext.manager })
    } catch (error) {
      const [theirs] = await this.accounts_.list(key, { take: 1 }, sharedContext)
      if (theirs) return theirs
      throw error
    }
  }

  /** Takes a withdrawal out of the wallet: the request and its ledger debit, after the checks, under the account's lock. */
  @InjectManager()
  async requestWithdrawal(input: ValidatedWithdrawal, @MedusaContext() sharedContext: Context = {}): Promise<WithdrawalRow> {
    await this.ensureAccount(input.distributor_id, input.currency_code, sharedContext)
    return await this.debitForWithdrawal_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async debitForWithdrawal_(input: ValidatedWithdrawal, @MedusaContext() sharedContext: Context = {}): Promise<WithdrawalRow> {
    const currency = input.currency_code.toLowerCase()
    const sql = await sqlOf(sharedContext)
    await sql("distribution_wallet_account")
      .select("id")
      .where({ distributor_id: input.distributor_id, currency_code: currency, deleted_at: null })
      .forUpdate()

    const balance = await this.balanceOf_(input.distributor_id, currency, sharedContext)
    if (balance.lt(input.amount)) {
      throw notAllowed(`Insufficient balance: ${balance.toString()} ${currency.toUpperCase()} available, ${input.amount} requested`)
    }
    if (input.daily_max !== null) {
      const [{ total }] = await sql("distribution_withdrawal")
        .sum({ total: "amount" })
        .where({ distributor_id: input.distributor_id, currency_code: currency, deleted_at: null })
        .whereNotIn("status", ["rejected", "failed"])
        .andWhere("created_at", ">=", sql.raw("date_trunc('day', now())"))
      const today = MathBN.convert(total ?? 0)
      if (MathBN.add(today, input.amount).gt(input.daily_max)) {
        throw notAllowed(`Daily withdrawal limit is ${input.daily_max} ${currency.toUpperCase()}; ${today.toString()} already requested today`)
      }
    }

    const withdrawal = await this.withdrawals_.create(
      {
        distributor_id: input.distributor_id,
        currency_code: currency,
        amount: asAmount(input.amount),
        fee_amount: asAmount(input.fee_amount),
        net_amount: asAmount(MathBN.sub(input.amount, input.fee_amount)),
        method: input.method,
        account: input.account,
        account_encrypted: input.account_encrypted,
        account_key_id: input.account_key_id,
        status: "requested",
      },
      sharedContext
    )
    await this.ledger_.create(
      {
        distributor_id: input.distributor_id,
        currency_code: currency,
        amount: asAmount(MathBN.mult(input.amount, -1)),
        type: "withdrawal",
        reference_id: withdrawal.id,
        note: `Withdrawal ${withdrawal.id} via ${input.method}`,
      },
      sharedContext
    )
    return withdrawal
  }

  /**
   * Moves a withdrawal along its state machine under a row lock, so paying twice, or paying
   * a rejected request, is impossible. Rejected and failed requests give the money back,
   * once: the reversal is keyed by the withdrawal.
   */
  @InjectTransactionManager()
  async transitionWithdrawal(
    id: string,
    action: WithdrawalAction,
    data: { reason?: string | null; reference?: string | null } = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<WithdrawalRow> {
    const row = await this.lockWithdrawal_(id, action, sharedContext)
    return await this.applyTransition_(row, action, data, sharedContext)
  }

  /**
   * Approves a withdrawal that the store pays itself (store credit) and pays it at once:
   * `requested → paid`, or `requested → failed` with the money back in the wallet when
   * `pay` throws. The row stays locked while `pay` runs: this lock is the payout lock, so
   * two approvals at once (or an approval and a rejection) wait for each other and the
   * second finds the withdrawal paid. `pay` answers the payout's reference and must itself
   * be idempotent per withdrawal, for a process that dies after paying but before commit.
   */
  @InjectTransactionManager()
  async approveAndPay(
    id: string,
    pay: (withdrawal: LockedWithdrawal) => Promise<string>,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<WithdrawalRow> {
    const row = await this.lockWithdrawal_(id, "approve", sharedContext)
    let reference: string
    try {
      reference = await pay(row)
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error)
      return await this.applyTransition_(row, "fail", { reason: `Store credit payout failed: ${why}` }, sharedContext)
    }
    const now = new Date()
    return await this.withdrawals_.update({ id, status: "paid", reference, approved_at: now, paid_at: now }, sharedContext)
  }

  /** The withdrawal's row, locked until the transaction ends, if `action` applies to it. */
  protected async lockWithdrawal_(id: string, action: WithdrawalAction, sharedContext: Context): Promise<LockedWithdrawal> {
    const sql = await sqlOf(sharedContext)
    const [row] = await sql("distribution_withdrawal")
      .select("id", "status", "distributor_id", "currency_code", "amount", "net_amount", "method")
      .where({ id, deleted_at: null })
      .forUpdate()
    if (!row) throw notFound(`Withdrawal ${id} was not found`)
    const refused = refusedTransition(WITHDRAWAL_TRANSITIONS, action, row.status, `Withdrawal ${id}`)
    if (refused) throw notAllowed(refused)
    return row
  }

  protected async applyTransition_(
    row: LockedWithdrawal,
    action: WithdrawalAction,
    data: { reason?: string | null; reference?: string | null },
    sharedContext: Context
  ): Promise<WithdrawalRow> {
    const id = row.id
    const rule = WITHDRAWAL_TRANSITIONS[action]
    const now = new Date()
    const updated = await this.withdrawals_.update(
      {
        id,
        status: rule.to,
        ...(data.reason !== undefined ? { reason: data.reason } : {}),
        ...(data.reference !== undefined ? { reference: data.reference } : {}),
        ...(rule.to === "approved" ? { approved_at: now } : {}),
        ...(rule.to === "paid" ? { paid_at: now } : {}),
        ...(rule.refunds ? { rejected_at: now } : {}),
      },
      sharedContext
    )
    if (rule.refunds) {
      await this.ledger_.create(
        {
          distributor_id: row.distributor_id,
          currency_code: row.currency_code,
          amount: asAmount(row.amount),
          type: "withdrawal_reversal",
          reference_id: id,
          note: `Withdrawal ${id} ${rule.to}${data.reason ? `: ${data.reason}` : ""}`,
        },
        sharedContext
      )
    }
    return updated
  }

  /**
   * An admin's credit or debit, with its reason and author, under the account's lock (a
   * debit and a withdrawal request at once see each other). A debit may take the balance
   * below zero, as a clawback does: later settlements pay it back.
   */
  @InjectManager()
  async adjustBalance(input: WalletAdjustmentInput, @MedusaContext() sharedContext: Context = {}): Promise<LedgerEntryRow> {
    await this.ensureAccount(input.distributor_id, input.currency_code, sharedContext)
    return await this.adjustBalance_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async adjustBalance_(input: WalletAdjustmentInput, @MedusaContext() sharedContext: Context = {}): Promise<LedgerEntryRow> {
    const currency = input.currency_code.toLowerCase()
    await this.lockAccount_(input.distributor_id, currency, sharedContext)
    return await this.ledger_.create(
      {
        distributor_id: input.distributor_id,
        currency_code: currency,
        amount: asAmount(input.amount),
        type: "admin_adjustment",
        note: input.reason,
        created_by: input.created_by,
      },
      sharedContext
    )
  }

  /** Answers an adjustment with its opposite, once (keyed by the entry it reverses): the ledger is append-only. */
  @InjectTransactionManager()
  async reverseAdjustment(entryId: string, why: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    const [entry] = await this.ledger_.list({ id: entryId, type: "admin_adjustment" }, { take: 1 }, sharedContext)
    if (!entry) return
    await this.lockAccount_(entry.distributor_id, entry.currency_code, sharedContext)
    const [done] = await this.ledger_.list({ type: "admin_adjustment", reference_id: entryId }, { take: 1 }, sharedContext)
    if (done) return
    await this.ledger_.create(
      {
        distributor_id: entry.distributor_id,
        currency_code: entry.currency_code,
        amount: asAmount(MathBN.mult(entry.amount, -1)),
        type: "admin_adjustment",
        reference_id: entryId,
        note: `Reverses ${entryId}: ${why}`,
        created_by: entry.created_by,
      },
      sharedContext
    )
  }

  protected async lockAccount_(distributorId: string, currency: string, sharedContext: Context) {
    const sql = await sqlOf(sharedContext)
    await sql("distribution_wallet_account")
      .select("id")
      .where({ distributor_id: distributorId, currency_code: currency, deleted_at: null })
      .forUpdate()
  }

  /**
   * Marks a batch of approved withdrawals paid, each with its payout reference, all or none,
   * under row locks taken in id order (two batches at once never deadlock, and the second
   * waits). Idempotent: a withdrawal already paid with the same reference is reported, not
   * paid again; one paid with another reference, or not approved, refuses the whole batch.
   */
  @InjectTransactionManager()
  async markPaidBatch(
    items: { id: string; reference: string }[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ paid: WithdrawalRow[]; already_paid: string[] }> {
    const sql = await sqlOf(sharedContext)
    const ids = [...new Set(items.map((i) => i.id))].sort()
    const rows: { id: string; status: string; reference: string | null }[] = await sql("distribution_withdrawal")
      .select("id", "status", "reference")
      .whereIn("id", ids)
      .andWhere({ deleted_at: null })
      .orderBy("id")
      .forUpdate()
    const byId = new Map(rows.map((r) => [r.id, r]))
    const problems: string[] = []
    const toPay: { id: string; reference: string }[] = []
    const already: string[] = []
    for (const item of items) {
      const row = byId.get(item.id)
      if (!row) problems.push(`${item.id} was not found`)
      else if (row.status === "paid" && row.reference === item.reference) already.push(item.id)
      else if (row.status === "paid") problems.push(`${item.id} is paid already, with reference ${row.reference}`)
      else if (row.status !== "approved") problems.push(`${item.id} is ${row.status}: mark paid applies to approved ones`)
      else toPay.push(item)
    }
    if (problems.length) throw notAllowed(`Nothing was marked paid: ${problems.join("; ")}`)
    const now = new Date()
    const paid = toPay.length
      ? await this.withdrawals_.update(
          toPay.map((i) => ({ id: i.id, status: "paid" as const, reference: i.reference, paid_at: now })),
          sharedContext
        )
      : []
    return { paid, already_paid: already }
  }

  /**
   * Settles one page of matured commissions into the ledger. `SKIP LOCKED` gives two
   * workers disjoint pages; the ledger's unique `(type, reference_id)` makes a replay fail
   * instead of paying twice.
   */
  @InjectTransactionManager()
  async settleMatured(
    { now, limit }: { now: Date; limit: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<SettledCommission[]> {
    const sql = await sqlOf(sharedContext)
    const due: SettledCommission[] = await sql("distribution_commission")
      .select("id", "distributor_id", "currency_code", "amount", "order_id")
      .where({ status: "frozen", deleted_at: null })
      .andWhere("available_at", "<=", now)
      .orderBy("available_at", "asc")
      .limit(limit)
      .forUpdate()
      .skipLocked()
    if (!due.length) return []

    await this.commissions_.update(due.map((c) => ({ id: c.id, status: "settled" as const, settled_at: now })), sharedContext)
    await this.ledger_.create(
      due.map((c) => ({
        distributor_id: c.distributor_id,
        currency_code: c.currency_code,
        amount: asAmount(c.amount),
        type: "settlement" as const,
        reference_id: c.id,
        note: `Commission on order ${c.order_id}`,
      })),
      sharedContext
    )
    return due
  }

  /** Per currency: commission not yet withdrawable, the wallet balance, and what was paid out. */
  @InjectManager()
  async getBalances(distributorId: string, @MedusaContext() sharedContext: Context = {}): Promise<CurrencyBalance[]> {
    const sql = await sqlOf(sharedContext)
    const { rows } = await sql.raw(
      `SELECT currency_code,
              SUM(CASE WHEN kind = 'pending' THEN amount ELSE 0 END) AS pending,
              SUM(CASE WHEN kind = 'frozen' THEN amount ELSE 0 END) AS frozen,
              SUM(CASE WHEN kind = 'ledger' THEN amount ELSE 0 END) AS available,
              SUM(CASE WHEN kind = 'withdrawn' THEN amount ELSE 0 END) AS withdrawn
         FROM (
           SELECT currency_code, status::text AS kind, amount FROM distribution_commission
            WHERE distributor_id = ? AND status IN ('pending', 'frozen') AND deleted_at IS NULL
           UNION ALL
           SELECT currency_code, 'ledger', amount FROM distribution_ledger_entry
            WHERE distributor_id = ? AND deleted_at IS NULL
           UNION ALL
           SELECT currency_code, 'withdrawn', amount FROM distribution_withdrawal
            WHERE distributor_id = ? AND status = 'paid' AND deleted_at IS NULL
         ) money
        GROUP BY currency_code
        ORDER BY currency_code`,
      [distributorId, distributorId, distributorId]
    )
    return rows.map((r: Record<string, string>) => ({
      currency_code: r.currency_code,
      pending: MathBN.convert(r.pending).toNumber(),
      frozen: MathBN.convert(r.frozen).toNumber(),
      available: MathBN.convert(r.available).toNumber(),
      withdrawn: MathBN.convert(r.withdrawn).toNumber(),
    }))
  }

  protected async balanceOf_(distributorId: string, currency: string, sharedContext: Context) {
    const sql = await sqlOf(sharedContext)
    const [{ balance }] = await sql("distribution_ledger_entry")
      .sum({ balance: "amount" })
      .where({ distributor_id: distributorId, currency_code: currency, deleted_at: null })
    return MathBN.convert(balance ?? 0)
  }
}
