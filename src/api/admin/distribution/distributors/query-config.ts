/** `fields` and `order` of `GET /admin/distribution/distributors`, as Medusa's own admin lists take them. */
export const defaultAdminDistributorFields = [
  "id",
  "customer_id",
  "code",
  "status",
  "parent_id",
  "grade_id",
  "display_name",
  "status_reason",
  "approved_at",
  "metadata",
  "created_at",
  "updated_at",
]

/** What `fields` may ask for: the distributor's own fields and its customer (through the read-only link). */
export const allowedAdminDistributorFields = [
  ...defaultAdminDistributorFields,
  "customer",
  "customer.id",
  "customer.email",
  "customer.first_name",
  "customer.last_name",
  "customer.phone",
  "customer.company_name",
]

export const listAdminDistributorsQueryConfig = {
  defaults: defaultAdminDistributorFields,
  allowed: allowedAdminDistributorFields,
  isList: true,
  entity: "distributor",
}
