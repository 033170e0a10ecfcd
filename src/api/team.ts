import { MedusaRequest } from "@medusajs/framework/http"
import { distributionService } from "./utils"

/**
 * Members of a distributor's team at one depth, with each member's performance (settled sales,
 * their team's, direct buyers, team size) when asked: one indexed query on the closure rows, then one by id.
 */
export async function listTeam(
  req: MedusaRequest,
  distributorId: string,
  level: number,
  page: { take: number; skip: number },
  options: { with_performance?: boolean } = {}
) {
  const service = distributionService(req)
  const [paths, count] = await service.listAndCountTeamPaths(
    { ancestor_id: distributorId, depth: level },
    { ...page, order: { created_at: "DESC" } }
  )
  const ids = paths.map((p) => p.descendant_id)
  const distributors = ids.length ? await service.listDistributors({ id: ids }, { take: ids.length }) : []
  const byId = new Map(distributors.map((d) => [d.id, d]))
  const performance = options.with_performance ? await service.getGradeMetrics(ids) : null
  const members = ids
    .map((id) => byId.get(id))
    .filter((d): d is NonNullable<typeof d> => !!d)
    .map((d) => ({
      id: d.id,
      code: d.code,
      status: d.status,
      display_name: d.display_name,
      parent_id: d.parent_id,
      level,
      created_at: d.created_at,
      ...(performance ? { performance: performance.get(d.id) } : {}),
    }))
  return { members, count }
}
