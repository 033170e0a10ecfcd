import { Context, DAL, InferEntityType, ModulesSdkTypes } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext } from "@medusajs/framework/utils"
import { Distributor, TeamPath } from "../models"
import { HARD_MAX_LEVELS } from "../settings"
import { notAllowed, notFound } from "../errors"
import { ChainMember } from "../calculations"
import { sqlOf } from "../db"

type Deps = {
  baseRepository: DAL.RepositoryService
  distributorService: ModulesSdkTypes.IMedusaInternalService<typeof Distributor>
  teamPathService: ModulesSdkTypes.IMedusaInternalService<typeof TeamPath>
}

export type NewDistributor = Pick<
  InferEntityType<typeof Distributor>,
  "customer_id" | "code" | "status" | "display_name" | "approved_at" | "metadata"
>

/**
 * The team tree: `parent_id` on each distributor plus closure rows (ancestor, descendant,
 * depth) for depths 1..3, so a team level or an upline is one indexed lookup, whatever the
 * size of the team. Every change to the tree takes one lock, so two concurrent moves can't
 * each pass the cycle check and together make a cycle.
 */
export class TeamTreeService {
  protected readonly baseRepository_: DAL.RepositoryService
  protected readonly distributors_: Deps["distributorService"]
  protected readonly paths_: Deps["teamPathService"]

  constructor({ baseRepository, distributorService, teamPathService }: Deps) {
    this.baseRepository_ = baseRepository
    this.distributors_ = distributorService
    this.paths_ = teamPathService
  }

  /** Ancestors nearest first, at most 3 deep. */
  @InjectManager()
  async listUplineIds(distributorId: string, @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    const paths = await this.paths_.list({ descendant_id: distributorId }, { select: ["ancestor_id", "depth"], order: { depth: "ASC" } }, sharedContext)
    return paths.map((path) => path.ancestor_id)
  }

  /** Team size per level, `{ "1": n, "2": n, "3": n }`. */
  @InjectManager()
  async countTeam(distributorId: string, @MedusaContext() sharedContext: Context = {}): Promise<Record<string, number>> {
    const rows: { depth: number; count: string }[] = await (await sqlOf(sharedContext))("distribution_team_path")
      .select("depth")
      .count("* as count")
      .where({ ancestor_id: distributorId, deleted_at: null })
      .groupBy("depth")
    const counts: Record<string, number> = {}
    for (let depth = 1; depth <= HARD_MAX_LEVELS; depth++) counts[String(depth)] = 0
    for (const row of rows) counts[String(row.depth)] = Number(row.count)
    return counts
  }

  /** The chain from `startId` up, nearest first, at most `levels` (≤ 3) long, with each member's status. */
  @InjectManager()
  async listChain(startId: string, levels: number, @MedusaContext() sharedContext: Context = {}): Promise<ChainMember[]> {
    const ids = [startId, ...(await this.listUplineIds(startId, sharedContext))].slice(0, Math.min(levels, HARD_MAX_LEVELS))
    const rows = await this.distributors_.list({ id: ids }, { select: ["id", "status"] }, sharedContext)
    const status = new Map(rows.map((row) => [row.id, row.status as string]))
    return ids.map((id, index) => ({ level: index + 1, distributor_id: id, status: status.get(id) ?? "missing" }))
  }

  /** Creates a distributor and places it under its parent in one transaction: no orphan if the parent fails. */
  @InjectTransactionManager()
  async addMember(data: NewDistributor, parentId: string | null, @MedusaContext() sharedContext: Context = {}) {
    const distributor = await this.distributors_.create({ ...data, parent_id: null }, sharedContext)
    if (parentId) await this.placeUnder(distributor.id, parentId, sharedContext)
    return distributor
  }

  /** Undoes `addMember`: the distributor and its closure rows go; one added a moment ago has no team yet. */
  @InjectTransactionManager()
  async removeMember(distributorId: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await (await sqlOf(sharedContext)).raw("SELECT pg_advisory_xact_lock(hashtext('distribution:team_tree'))")
    await this.paths_.delete({ $or: [{ descendant_id: distributorId }, { ancestor_id: distributorId }] }, sharedContext)
    await this.distributors_.delete(distributorId, sharedContext)
  }

  /**
   * Moves a distributor (and its team) under a new parent, keeping the closure rows true.
   * Refuses self-parenting and cycles at any depth: the closure only reaches 3 levels, so
   * the check follows `parent_id` all the way up.
   */
  @InjectTransactionManager()
  async placeUnder(distributorId: string, parentId: string | null, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    const problem = await this.placeUnderIfAllowed(distributorId, parentId, sharedContext)
    if (problem) throw problem
  }

  /** Like `placeUnder`, but answers why not (an error to throw) instead of throwing, changing nothing then. */
  @InjectTransactionManager()
  async placeUnderIfAllowed(distributorId: string, parentId: string | null, @MedusaContext() sharedContext: Context = {}) {
    // One tree change at a time: two concurrent moves (A under B, B under A) would each
    // pass the cycle check on their own and together make a cycle.
    await (await sqlOf(sharedContext)).raw("SELECT pg_advisory_xact_lock(hashtext('distribution:team_tree'))")
    const problem = await this.whyNotUnder(distributorId, parentId, sharedContext)
    if (problem) return problem

    const subtree = await this.paths_.list({ ancestor_id: distributorId }, { select: ["descendant_id", "depth"] }, sharedContext)
    const moved = [{ id: distributorId, depth: 0 }, ...subtree.map((path) => ({ id: path.descendant_id, depth: path.depth }))]
    const movedIds = moved.map((node) => node.id)

    await this.paths_.delete({ descendant_id: movedIds, ancestor_id: { $nin: movedIds } }, sharedContext)
    await this.distributors_.update({ id: distributorId, parent_id: parentId }, sharedContext)
    if (!parentId) return null

    const ancestors = [parentId, ...(await this.listUplineIds(parentId, sharedContext))]
    const rows = ancestors.flatMap((ancestor_id, index) =>
      moved
        .map((node) => ({ ancestor_id, descendant_id: node.id, depth: index + 1 + node.depth }))
        .filter((row) => row.depth <= HARD_MAX_LEVELS)
    )
    await this.paths_.create(rows, sharedContext)
    return null
  }

  /**
   * Why `parentId` can't be `distributorId`'s parent (an error to throw), or null when it can.
   * Only an answer given under the tree lock (`placeUnderIfAllowed`) holds until the write.
   */
  @InjectManager()
  async whyNotUnder(distributorId: string, parentId: string | null, @MedusaContext() sharedContext: Context = {}) {
    if (!parentId) return null
    if (parentId === distributorId) return notAllowed(`Distributor ${distributorId} cannot be its own parent`)
    // A read, walking parent_id links of any depth in one statement.
    const { rows } = await (await sqlOf(sharedContext)).raw(
      `WITH RECURSIVE up AS (
         SELECT id, parent_id, 0 AS hops FROM distribution_distributor WHERE id = ? AND deleted_at IS NULL
         UNION ALL
         SELECT d.id, d.parent_id, up.hops + 1 FROM distribution_distributor d JOIN up ON d.id = up.parent_id
          WHERE d.deleted_at IS NULL AND up.hops < 10000
       ) SELECT id FROM up`,
      [parentId]
    )
    if (!rows.length) return notFound(`Distributor ${parentId} was not found`)
    if (rows.some((row: { id: string }) => row.id === distributorId)) {
      return notAllowed(`Distributor ${parentId} is in the team of ${distributorId}: making it the parent would create a cycle`)
    }
    return null
  }
}
