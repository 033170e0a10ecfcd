import { Context } from "@medusajs/framework/types"
import { MedusaContext, MedusaService } from "@medusajs/framework/utils"
import {
  Binding,
  CommissionCampaign,
  CartCode,
  CodeVisit,
  Commission,
  CommissionAdjustment,
  CommissionRule,
  DailyStat,
  DistributorStat,
  Distributor,
  Grade,
  GradeChange,
  LedgerEntry,
  Material,
  OrderAttribution,
  ReferReward,
  ReferRewardOrder,
  SalesTier,
  RepurchaseReminder,
  Setting,
  SettingChange,
  ShareLink,
  TeamBonusPayout,
  TeamBonusPlan,
  TeamPath,
  WalletAccount,
  Withdrawal,
} from "./models"
import { DistributionSettings, DistributionSettingsPatch, settingsFromOptions } from "./settings"
import { WithdrawalAction } from "./transitions"
import { ChainMember } from "./calculations"
import { TeamTreeService, NewDistributor } from "./services/team-tree"
import { ShareCodeService, ResolvedCode } from "./services/share-code"
import { CustomerBindingService, BindCustomerInput, BindingUndo } from "./services/customer-binding"
import { LockedWithdrawal, WalletAdjustmentInput, WalletLedgerService } from "./services/wallet-ledger"
import { CommissionSyncService, ApplyOrderPlanInput, ApplyOrderPlanResult } from "./services/commission-sync"
import { SettingsStoreService, SettingsChange } from "./services/settings-store"
import { CommissionTermsService } from "./services/commission-terms"
import { CurrencyBalance, SettledCommission, ValidatedWithdrawal } from "../../types"
import type { CartCodeRow, RecordCartCodeInput, RecordVisitInput, ShareTrackingService } from "./services/share-tracking"
import type { ConversionRange, ConversionStats, ConversionStatsService, LinkFunnel } from "./services/conversion-stats"
import type { OverviewStatsService } from "./services/overview-stats"
import type { AdminStatsResponse } from "../../types/admin-stats"
import type { AccountVaultService } from "./services/account-vault"
import type { AppliedGradeChange, GradeProgressService } from "./services/grade-progress"
import type { TeamBonusPayoutRow, TeamBonusService } from "./services/team-bonus"
import type { MaterialCatalogService, MaterialRow } from "./services/material-catalog"
import type { ReferRewardCreditService, ReferRewardRow } from "./services/refer-reward-credit"
import type { ReferRewardTerms } from "./calculations"
import type { GradeMetrics } from "./calculations"
import type { AuditExportService, ExportKind, ExportRange } from "./services/audit-export"
import type { AuditDifference, Statement, WalletAuditService } from "./services/wallet-audit"
import type { ClaimedRepurchaseReminder, RepurchaseClaimsService, RepurchaseReminderClaim } from "./services/repurchase-claims"

type InjectedDependencies = {
  teamTreeService: TeamTreeService
  shareCodeService: ShareCodeService
  customerBindingService: CustomerBindingService
  walletLedgerService: WalletLedgerService
  commissionSyncService: CommissionSyncService
  settingsStoreService: SettingsStoreService
  commissionTermsService: CommissionTermsService
}

/**
 * The distribution module. Generated CRUD for every model, plus the operations that keep
 * the domain's invariants; each idea lives in its own file under `services/`, and this class
 * is their one public door.
 */
class DistributionModuleService extends MedusaService({
  Binding,
  CommissionCampaign,
  CartCode,
  CodeVisit,
  Commission,
  CommissionAdjustment,
  CommissionRule,
  DailyStat,
  DistributorStat,
  Distributor,
  Grade,
  GradeChange,
  LedgerEntry,
  Material,
  OrderAttribution,
  ReferReward,
  ReferRewardOrder,
  SalesTier,
  RepurchaseReminder,
  Setting,
  SettingChange,
  ShareLink,
  TeamBonusPayout,
  TeamBonusPlan,
  TeamPath,
  WalletAccount,
  Withdrawal,
}) {
  protected readonly optionDefaults_: DistributionSettingsPatch
  protected readonly tree_: TeamTreeService
  protected readonly codes_: ShareCodeService
  protected readonly bindings_: CustomerBindingService
  protected readonly wallet_: WalletLedgerService
  protected readonly sync_: CommissionSyncService
  protected readonly settingsStore_: SettingsStoreService
  protected readonly terms_: CommissionTermsService

  constructor(deps: InjectedDependencies, options: Record<string, unknown> = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.optionDefaults_ = settingsFromOptions(options)
    this.tree_ = deps.teamTreeService
    this.codes_ = deps.shareCodeService
    this.bindings_ = deps.customerBindingService
    this.wallet_ = deps.walletLedgerService
    this.sync_ = deps.commissionSyncService
    this.settingsStore_ = deps.settingsStoreService
    this.terms_ = deps.commissionTermsService
  }

  /* Settings */

  async getSettings(@MedusaContext() sharedContext: Context = {}): Promise<DistributionSettings> {
    return this.settingsStore_.getSettings(this.optionDefaults_, sharedContext)
  }

  async changeSettings(
    patch: DistributionSettingsPatch,
    actorId: string | null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ settings: DistributionSettings; changes: SettingsChange }> {
    return this.settingsStore_.changeSettings(this.optionDefaults_, patch, actorId, sharedContext)
  }

  async readJobState<T extends object>(key: string, @MedusaContext() sharedContext: Context = {}): Promise<T | null> {
    return this.settingsStore_.readState<T>(key, sharedContext)
  }

  async writeJobState(key: string, values: object, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    return this.settingsStore_.writeState(key, values, sharedContext)
  }

  /* Codes */

  generateCode(): string {
    return this.codes_.generateCode()
  }

  async unusedCode(@MedusaContext() sharedContext: Context = {}): Promise<string> {
    return this.codes_.unusedCode(sharedContext)
  }

  async resolveCode(code: string, @MedusaContext() sharedContext: Context = {}): Promise<ResolvedCode | null> {
    return this.codes_.resolveCode(code, sharedContext)
  }

  /* Team tree */

  async listUplineIds(distributorId: string, @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    return this.tree_.listUplineIds(distributorId, sharedContext)
  }

  async countTeam(distributorId: string, @MedusaContext() sharedContext: Context = {}): Promise<Record<string, number>> {
    return this.tree_.countTeam(distributorId, sharedContext)
  }

  async listChain(startId: string, levels: number, @MedusaContext() sharedContext: Context = {}): Promise<ChainMember[]> {
    return this.tree_.listChain(startId, levels, sharedContext)
  }

  /** A new distributor, placed under its parent in the same transaction. */
  async addDistributor(data: NewDistributor, parentId: string | null, @MedusaContext() sharedContext: Context = {}) {
    return this.tree_.addMember(data, parentId, sharedContext)
  }

  async setParent(distributorId: string, parentId: string | null, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    return this.tree_.placeUnder(distributorId, parentId, sharedContext)
  }

  /** Removes a distributor created a moment ago, with its place in the tree (a workflow's compensation). */
  async removeNewDistributor(distributorId: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    return this.tree_.removeMember(distributorId, sharedContext)
  }

  /* Bindings */

  async bindCustomer(input: BindCustomerInput, @MedusaContext() sharedContext: Context = {}) {
    return this.bindings_.bindCustomer(input, sharedContext)
  }

  async undoBinding(undo: BindingUndo, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    return this.bindings_.undoBinding(undo, sharedContext)
  }

  /* Commissions */

  async applyOrderPlan(input: ApplyOrderPlanInput, @MedusaContext() sharedContext: Context = {}): Promise<ApplyOrderPlanResult> {
    return this.sync_.applyOrderPlan(input, sharedContext)
  }

  async settleMaturedCommissions(
    { now = new Date(), limit = 200 }: { now?: Date; limit?: number } = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<SettledCommission[]> {
    return this.wallet_.settleMatured({ now, limit }, sharedContext)
  }

  /* Commission terms: grades, rules, campaigns, tiers */

  async listTermsInForce(since: Date, @MedusaContext() sharedContext: Context = {}) {
    return this.terms_.listTermsInForce(since, sharedContext)
  }

  async listGradeRates(ids: string[], @MedusaContext() sharedContext: Context = {}) {
    return this.terms_.listGradeRates(ids, sharedContext)
  }

  async listTiersReached(distributorIds: string[], currencyCode: string, at: Date, @MedusaContext() sharedContext: Context = {}) {
    return this.terms_.listTiersReached(distributorIds, currencyCode, at, sharedContext)
  }

  /* Wallet */

  async getBalances(distributorId: string, @MedusaContext() sharedContext: Context = {}): Promise<CurrencyBalance[]> {
    return this.wallet_.getBalances(distributorId, sharedContext)
  }

  async requestWithdrawal(input: ValidatedWithdrawal, @MedusaContext() sharedContext: Context = {}) {
    return this.wallet_.requestWithdrawal(input, sharedContext)
  }

  async transitionWithdrawal(
    id: string,
    action: WithdrawalAction,
    data: { reason?: string | null; reference?: string | null } = {},
    @MedusaContext() sharedContext: Context = {}
  ) {
    return this.wallet_.transitionWithdrawal(id, action, data, sharedContext)
  }

  /** Approves a withdrawal the store pays itself and pays it with `pay` under the row lock; failed → money back (see WalletLedgerService). */
  async approveAndPayWithdrawal(
    id: string,
    pay: (withdrawal: LockedWithdrawal) => Promise<string>,
    @MedusaContext() sharedContext: Context = {}
  ) {
    return this.wallet_.approveAndPay(id, pay, sharedContext)
  }

  /** Marks approved withdrawals paid with their references, all or none; already paid with the same reference: reported, not paid again. */
  async markWithdrawalsPaid(items: { id: string; reference: string }[], @MedusaContext() sharedContext: Context = {}) {
    return this.wallet_.markPaidBatch(items, sharedContext)
  }

  /** An admin's signed adjustment of a wallet, with its reason and author. */
  async adjustBalance(input: WalletAdjustmentInput, @MedusaContext() sharedContext: Context = {}) {
    return this.wallet_.adjustBalance(input, sharedContext)
  }

  async reverseAdjustment(entryId: string, why: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    return this.wallet_.reverseAdjustment(entryId, why, sharedContext)
  }

  /** Re-seals one page of withdrawal accounts not sealed with the current key; answers how many (0: done). */
  rotateAccountKeys(limit?: number): Promise<number> {
    return this.service_<AccountVaultService>("accountVaultService").rotate(limit)
  }

  /** The real (decrypted) accounts of these withdrawals: for the admin's batch payout file only. */
  openWithdrawalAccounts(ids: string[]): Promise<Map<string, Record<string, unknown>>> {
    return this.service_<AccountVaultService>("accountVaultService").openAccounts(ids)
  }

  /** Per currency, the month's opening balance, credits, debits and closing balance. */
  getStatements(distributorId: string, start: Date, end: Date): Promise<Statement[]> {
    return this.service_<WalletAuditService>("walletAuditService").statements(distributorId, start, end)
  }

  listOrdersWithCommissions(from: Date | null, to: Date | null): Promise<string[]> {
    return this.service_<WalletAuditService>("walletAuditService").ordersWithCommissions(from, to)
  }

  listCommissionsOfOrders(orderIds: string[]) {
    return this.service_<WalletAuditService>("walletAuditService").commissionsOfOrders(orderIds)
  }

  /** Where the ledger disagrees with the commissions of these orders and the withdrawals of the range. */
  findLedgerDifferences(orderIds: string[], from: Date | null, to: Date | null): Promise<AuditDifference[]> {
    return this.service_<WalletAuditService>("walletAuditService").ledgerDifferences(orderIds, from, to)
  }

  /** The rows of an audit export, streamed from a database cursor. */
  streamExport(kind: ExportKind, range: ExportRange) {
    return this.service_<AuditExportService>("auditExportService").stream(kind, range)
  }

  /* Share tracking, conversion stats and repurchase reminders live in services/; these delegate. */

  protected service_<T>(name: string): T {
    return (this as unknown as { __container__: Record<string, T> }).__container__[name]
  }

  /** A visit through a share code, once per visitor, code and window; null when it was a repeat. */
  recordCodeVisit(input: RecordVisitInput): Promise<string | null> {
    return this.service_<ShareTrackingService>("shareTrackingService").recordVisit(input)
  }

  recordCartCode(input: RecordCartCodeInput): Promise<{ id: string; previous: CartCodeRow | null }> {
    return this.service_<ShareTrackingService>("shareTrackingService").recordCartCode(input)
  }

  restoreCartCode(cartId: string, previous: CartCodeRow | null): Promise<void> {
    return this.service_<ShareTrackingService>("shareTrackingService").restoreCartCode(cartId, previous)
  }

  getLinkFunnels(distributorId: string, codes: string[]): Promise<LinkFunnel[]> {
    return this.service_<ConversionStatsService>("conversionStatsService").linkFunnels(distributorId, codes)
  }

  /** Visits → carts → orders → kept GMV, per distributor, link, product and level (for the admin overview). */
  getConversionStats(range: ConversionRange = {}): Promise<ConversionStats> {
    return this.service_<ConversionStatsService>("conversionStatsService").conversionStats(range)
  }

  /** The admin overview of the UTC days `from`..`to` (`YYYY-MM-DD`, both included). */
  getOverviewStats(range: { from: string; to: string; limit?: number }): Promise<AdminStatsResponse> {
    return this.service_<OverviewStatsService>("overviewStatsService").overview(range)
  }

  /** Adds the closed hours to `distribution_daily_stat` (the overview's pre-aggregate); answers the last whole day rolled up. */
  rollupDailyStats(options: { now?: Date; maxDays?: number } = {}): Promise<{ through: string | null; days: number }> {
    return this.service_<OverviewStatsService>("overviewStatsService").rollup(options)
  }

  /** Claims reminders not sent before (unique per customer and last order); answers those this call claimed. */
  claimRepurchaseReminders(claims: RepurchaseReminderClaim[]): Promise<ClaimedRepurchaseReminder[]> {
    return this.service_<RepurchaseClaimsService>("repurchaseClaimsService").claimReminders(claims)
  }

  /* Grades over time */

  getGradeMetrics(distributorIds: string[]): Promise<Map<string, GradeMetrics>> {
    return this.service_<GradeProgressService>("gradeProgressService").gradeMetrics(distributorIds)
  }

  /** Moves active distributors up to the highest grade they earned (never down); answers the moves. */
  upgradeGrades(distributorIds: string[], withUplines = false): Promise<AppliedGradeChange[]> {
    return this.service_<GradeProgressService>("gradeProgressService").upgradeGrades(distributorIds, withUplines)
  }

  /** An admin's grade change, recorded; null when the grade is already that. */
  setDistributorGrade(input: { distributor_id: string; grade_id: string | null; actor_id: string | null; reason?: string | null }) {
    return this.service_<GradeProgressService>("gradeProgressService").setGrade(input)
  }

  revertGradeChanges(changes: AppliedGradeChange[]): Promise<void> {
    return this.service_<GradeProgressService>("gradeProgressService").revertGradeChanges(changes)
  }

  /** Pays a team bonus plan for one closed month ("YYYY-MM"), once. */
  payTeamBonus(planId: string, period: string): Promise<TeamBonusPayoutRow[]> {
    return this.service_<TeamBonusService>("teamBonusService").payTeamBonus(planId, period)
  }

  undoTeamBonusPayouts(ids: string[]): Promise<void> {
    return this.service_<TeamBonusService>("teamBonusService").undoTeamBonusPayouts(ids)
  }

  /** Promotional materials a distributor of this grade may see (untagged ones, and those tagged with it). */
  listMaterialsVisibleTo(gradeId: string | null, page: { take: number; skip: number }): Promise<{ materials: MaterialRow[]; count: number }> {
    return this.service_<MaterialCatalogService>("materialCatalogService").visibleTo(gradeId, page)
  }

  /** Distributors who may have a 推三返一 reward due: referred, settled orders not counted yet. */
  listReferRewardCandidates(distributorIds: string[] | null = null): Promise<string[]> {
    return this.service_<ReferRewardCreditService>("referRewardCreditService").candidates(distributorIds)
  }

  /** Pays the 推三返一 rewards a distributor has earned and not been paid; answers the new ones. */
  payReferRewards(distributorId: string, terms: ReferRewardTerms, @MedusaContext() sharedContext: Context = {}): Promise<ReferRewardRow[]> {
    return this.service_<ReferRewardCreditService>("referRewardCreditService").pay(distributorId, terms, sharedContext)
  }

  undoReferRewards(ids: string[]): Promise<void> {
    return this.service_<ReferRewardCreditService>("referRewardCreditService").undo(ids)
  }

  gradeHistory(distributorId: string) {
    return this.service_<GradeProgressService>("gradeProgressService").gradeHistory(distributorId)
  }
}

export default DistributionModuleService
