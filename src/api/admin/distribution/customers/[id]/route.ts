import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { distributionService } from "../../../../utils"
import { notFound } from "../../../../../modules/distribution/errors"
import { bindingLiveAt } from "../../../../../modules/distribution/binding-policy"
import type { AdminCustomerDistribution } from "../../../../../types/admin-lists"

const brief = (d: { id: string; code: string; display_name: string | null; status: string } | undefined) =>
  d ? { id: d.id, code: d.code, display_name: d.display_name, status: d.status } : null

/**
 * The customer page's widget: the customer as a distributor (status, code, parent, team
 * counts, balances) and whom the customer is bound to. A customer who is neither answers
 * nulls, not a 404; an unknown customer is a 404.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminCustomerDistribution>) => {
  const customerId = req.params.id
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: customers } = await query.graph({ entity: "customer", fields: ["id"], filters: { id: customerId } })
  if (!customers[0]) throw notFound(`Customer ${customerId} was not found`)

  const service = distributionService(req)
  const [[distributor], [binding]] = await Promise.all([
    service.listDistributors({ customer_id: customerId }, { take: 1 }),
    service.listBindings({ customer_id: customerId }, { take: 1 }),
  ])
  const relatedIds = [distributor?.parent_id, binding?.distributor_id].filter((id): id is string => !!id)
  const [related, team_counts, balances] = await Promise.all([
    relatedIds.length ? service.listDistributors({ id: relatedIds }, { take: relatedIds.length }) : Promise.resolve([]),
    distributor ? service.countTeam(distributor.id) : Promise.resolve(null),
    distributor ? service.getBalances(distributor.id) : Promise.resolve([]),
  ])

  res.json({
    customer_id: customerId,
    distributor: distributor
      ? {
          id: distributor.id,
          customer_id: distributor.customer_id,
          code: distributor.code,
          status: distributor.status,
          parent_id: distributor.parent_id,
          grade_id: distributor.grade_id,
          display_name: distributor.display_name,
          status_reason: distributor.status_reason,
          approved_at: distributor.approved_at ? new Date(distributor.approved_at).toISOString() : null,
          created_at: new Date(distributor.created_at).toISOString(),
        }
      : null,
    parent: distributor?.parent_id ? brief(related.find((d) => d.id === distributor.parent_id)) : null,
    team_counts: team_counts as AdminCustomerDistribution["team_counts"],
    balances,
    binding: binding
      ? {
          id: binding.id,
          distributor_id: binding.distributor_id,
          code: binding.code,
          source: binding.source,
          bound_at: new Date(binding.bound_at).toISOString(),
          expires_at: binding.expires_at ? new Date(binding.expires_at).toISOString() : null,
          active: bindingLiveAt(binding, new Date()),
          distributor: brief(related.find((d) => d.id === binding.distributor_id)),
        }
      : null,
  })
}
