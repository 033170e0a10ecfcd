import { model } from "@medusajs/framework/utils"

/** Run-time settings (one row, key "global"); plugin options are the defaults beneath. */
const Setting = model
  .define(
    { name: "Setting", tableName: "distribution_setting" },
    {
      id: model.id({ prefix: "dset" }).primaryKey(),
      key: model.text(),
      values: model.json(),
    }
  )
  .indexes([{ on: ["key"], unique: true, where: "deleted_at IS NULL" }])

export default Setting
