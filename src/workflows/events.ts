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
} as const
