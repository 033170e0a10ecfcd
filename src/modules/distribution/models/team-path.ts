import { model } from "@medusajs/framework/utils"

/**
 * Closure rows of the team tree for depths 1..3: "my team at level n" is one
 * indexed lookup on (ancestor_id, depth), never a walk down the tree.
 */
const TeamPath = model
  .define(
    { name: "TeamPath", tableName: "distribution_team_path" },
    {
      id: model.id({ prefix: "dtp" }).primaryKey(),
      ancestor_id: model.text(),
      descendant_id: model.text(),
      depth: model.number(),
    }
  )
  .indexes([
    { on: ["ancestor_id", "descendant_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["ancestor_id", "depth"], where: "deleted_at IS NULL" },
    { on: ["descendant_id"], where: "deleted_at IS NULL" },
  ])

export default TeamPath
