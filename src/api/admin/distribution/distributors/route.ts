import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { enrollDistributorWorkflow } from "../../../../workflows/distributor/workflows/enroll-distributor"
import { distributionService, pageOf } from "../../../utils"
import { conflict, notFound } from "../../../../modules/distribution/errors"
import { AdminCreateDistributorType } from "../validators"

/** Distributors, filtered by status and searched by code or customer email. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { status, q } = req.validatedQuery as { status?: "pending" | "active" | "rejected" | "suspended"; q?: string }
  const page = pageOf(req)
  const filters: Record<string, unknown> = status ? { status } : {}
  if (q) {
    // `%`, `_` and `\` match themselves: a search is text, not a LIKE pattern (a trailing `\` is a database error).
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data: customers } = await query.graph({
      entity: "customer",
      fields: ["id"],
      filters: { email: { $ilike: like } },
      pagination: { take: 500 },
    })
    filters.$or = [{ code: { $ilike: like } }, ...(customers.length ? [{ customer_id: customers.map((c) => c.id) }] : [])]
  }
  const [distributors, count] = await distributionService(req).listAndCountDistributors(filters, {
    ...page,
    order: { created_at: "DESC" },
  })
  res.json({ distributors, count, limit: page.take, offset: page.skip })
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
