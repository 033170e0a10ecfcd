import { model } from "@medusajs/framework/utils"

/** Every settings change: `{ key: { from, to } }` and who made it. */
const SettingChange = model.define(
  { name: "SettingChange", tableName: "distribution_setting_change" },
  {
    id: model.id({ prefix: "dsch" }).primaryKey(),
    changes: model.json(),
    actor_id: model.text().nullable(),
  }
)

export default SettingChange
