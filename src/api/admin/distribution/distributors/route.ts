import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { enrollDistributorWorkflow } from "../../../../workflows/distributor/workflows/enroll-distributor"
import { changeDistributorParentWorkflow } from "../../../../workflows/distributor/workflows/change-distributor-parent"
import { distributionService, pageOf } from "../../../utils"
import { notFound } from "../../../../modules/distribution/errors"
import { AdminCreateDistributorType } from "../validators"

/** Distributors, filtered by status and searched by code or customer email. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { status, q } = req.validatedQuery as { status?: "pending" | "active" | "rejected" | "suspended"; q?: string }
  const page = pageOf(req)
  const filters: Record<string, unknown> = status ? { status } : {}
  if (q) {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data: customers } = await query.graph({
      entity: "customer",
      fields: ["id"],
      filters: { email: { $ilike: `%${q}%` } },
      pagination: { take: 500 },
    })
    filters.$or = [{ code: { $ilike: `%${q}%` } }, ...(customers.length ? [{ customer_id: customers.map((c) => c.id) }] : [])]
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

  const { result } = await enrollDistributorWorkflow(req.scope).run({
    input: { customer_id: body.customer_id, by: "admin", display_name: body.display_name, metadata: body.metadata },
  })
  if (body.parent_id !== undefined && body.parent_id !== result.parent_id) {
    await changeDistributorParentWorkflow(req.scope).run({ input: { id: result.id, parent_id: body.parent_id } })
  }
  res.status(200).json({ distributor: await distributionService(req).retrieveDistributor(result.id) })
}
