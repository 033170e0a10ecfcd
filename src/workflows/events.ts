/** Events the plugin emits, for notifications and integrations. Payload: `{ id, ... }`. */
export const DistributionEvents = {
  DISTRIBUTOR_APPLIED: "distribution.distributor.applied",
  DISTRIBUTOR_APPROVED: "distribution.distributor.approved",
  DISTRIBUTOR_REJECTED: "distribution.distributor.rejected",
  DISTRIBUTOR_SUSPENDED: "distribution.distributor.suspended",
  COMMISSION_CREATED: "distribution.commission.created",
  COMMISSION_SETTLED: "distribution.commission.settled",
  COMMISSION_ADJUSTED: "distribution.commission.adjusted",
  WITHDRAWAL_REQUESTED: "distribution.withdrawal.requested",
  WITHDRAWAL_APPROVED: "distribution.withdrawal.approved",
  WITHDRAWAL_REJECTED: "distribution.withdrawal.rejected",
  WITHDRAWAL_PAID: "distribution.withdrawal.paid",
  WITHDRAWAL_FAILED: "distribution.withdrawal.failed",
  /** `{ id, distributor_id }`: an admin credited or debited a wallet by hand (the id is the ledger entry's). */
  WALLET_ADJUSTED: "distribution.wallet.adjusted",
  /** `{ customer_id, distributor_id, last_order_id, due_at }`: a bound customer's usual reorder interval has passed. */
  CUSTOMER_REPURCHASE_DUE: "distribution.customer.repurchase_due",
  /** `{ id: distributor_id, from_grade_id, to_grade_id, source }`: moved up a grade, automatically or by an admin. */
  GRADE_UPGRADED: "distribution.grade.upgraded",
  /** `{ id, distributor_id, period, currency_code }`: a month's team bonus (团队分红) credited to the wallet. */
  TEAM_BONUS_PAID: "distribution.team_bonus.paid",
  /** `{ id, distributor_id, currency_code }`: a 推三返一 (refer-N-get-one) reward credited to the wallet. */
  REFER_REWARD_PAID: "distribution.refer_reward.paid",
} as const
