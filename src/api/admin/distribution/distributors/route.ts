import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { enrollDistributorWorkflow } from "../../../../workflows/distributor/workflows/enroll-distributor"
import { distributionService } from "../../../utils"
import { conflict, notFound } from "../../../../modules/distribution/errors"
import { AdminCreateDistributorType, AdminGetDistributorsParamsType } from "../validators"

/**
 * Distributors through `query.graph`, so `fields` (also `customer.*`), `order`, filters and
 * pagination work as in Medusa's own admin lists. `q` matches the code or display name, or
 * the customer's email, first or last name (customers are searched first, by the customer
 * module, then their distributors).
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetDistributorsParamsType>, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { q, ...filters } = req.filterableFields as Record<string, unknown> & { q?: string }
  if (q) {
    // `%`, `_` and `\` match themselves: a search is text, not a LIKE pattern (a trailing `\` is a
    // database error). The customer module's own search wraps `q` in `%…%` without escaping it.
    const escaped = q.replace(/[\\%_]/g, (c) => `\\${c}`)
    const like = `%${escaped}%`
    const { data: customers } = await query.graph({ entity: "customer", fields: ["id"], filters: { q: escaped } })
    filters.$or = [
      { code: { $ilike: like } },
      { display_name: { $ilike: like } },
      ...(customers.length ? [{ customer_id: customers.map((c) => c.id) }] : []),
    ]
  }
  const { data: distributors, metadata } = await query.graph({
    entity: "distributor",
    fields: req.queryConfig.fields,
    filters,
    pagination: req.queryConfig.pagination,
  })
  res.json({ distributors, count: metadata?.count ?? distributors.length, limit: metadata?.take, offset: metadata?.skip })
}

/** Make a customer a distributor (active at once; the way to enroll under `invite_only`). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateDistributorType>, res: MedusaResponse) => {
  const body = req.validatedBody
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "customer", fields: ["id"], filters: { id: body.customer_id } })
  if (!data[0]) throw notFound(`Customer ${body.customer_id} was not found`)
  // Checked before anything is written, so bad input changes nothing.
  const service = distributionService(req)
  const [existing] = await service.listDistributors({ customer_id: body.customer_id }, { take: 1 })
  if (existing) {
    throw conflict(`Customer ${body.customer_id} is already distributor ${existing.id} (${existing.status})`)
  }
  if (body.parent_id) await service.retrieveDistributor(body.parent_id)

  const { result } = await enrollDistributorWorkflow(req.scope).run({
    input: {
      customer_id: body.customer_id,
      by: "admin",
      display_name: body.display_name,
      metadata: body.metadata,
      ...(body.parent_id !== undefined ? { parent_id: body.parent_id } : {}),
    },
  })
  res.status(200).json({ distributor: await service.retrieveDistributor(result.id) })
}
