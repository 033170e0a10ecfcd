/** `fields` and `order` of `GET /admin/distribution/commissions`, as Medusa's own admin lists take them. */
export const defaultAdminCommissionFields = [
  "id",
  "order_id",
  "distributor_id",
  "level",
  "status",
  "amount",
  "accrued_amount",
  "reversed_amount",
  "base_amount",
  "currency_code",
  "available_at",
  "settled_at",
  "lines",
  "created_at",
  "updated_at",
]

export const allowedAdminCommissionFields = [
  ...defaultAdminCommissionFields,
  "order",
  "order.id",
  "order.display_id",
  "order.email",
  "order.currency_code",
  "order.created_at",
]

export const listAdminCommissionsQueryConfig = {
  defaults: defaultAdminCommissionFields,
  allowed: allowedAdminCommissionFields,
  isList: true,
  entity: "commission",
}
