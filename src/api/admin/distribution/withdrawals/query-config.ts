/** `fields` and `order` of `GET /admin/distribution/withdrawals`, as Medusa's own admin lists take them. */
export const defaultAdminWithdrawalFields = [
  "id",
  "distributor_id",
  "currency_code",
  "amount",
  "fee_amount",
  "net_amount",
  "method",
  "account",
  "status",
  "reason",
  "reference",
  "approved_at",
  "paid_at",
  "rejected_at",
  "created_at",
  "updated_at",
]

export const listAdminWithdrawalsQueryConfig = {
  defaults: defaultAdminWithdrawalFields,
  allowed: defaultAdminWithdrawalFields,
  isList: true,
  entity: "withdrawal",
}
