import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"
import { TERMS_ENTITIES } from "../../../modules/distribution/terms-entities"
import { CommissionTermsChange } from "./validate-commission-terms"

type Row = Record<string, unknown> & { id: string }
type Undo = { change: CommissionTermsChange; before: Row | null; created_id: string | null }

/** The generated CRUD of one kind of terms, e.g. `createGrades` / `updateGrades` / `deleteGrades`. */
function crud(service: DistributionModuleService, entity: CommissionTermsChange["entity"]) {
  const model = TERMS_ENTITIES[entity].model
  const call = (verb: string) => (service as unknown as Record<string, (arg: unknown) => Promise<unknown>>)[`${verb}${model}`].bind(service)
  return { create: call("create"), update: call("update"), delete: call("delete"), list: call("list") }
}

/** Creates, updates or deletes a grade, rule, campaign or tier; undone by putting back what was. */
export const writeCommissionTermsStepId = "write-commission-terms"
export const writeCommissionTermsStep = createStep(
  writeCommissionTermsStepId,
  async (change: CommissionTermsChange, { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const ops = crud(service, change.entity)
    const before = change.id ? (((await ops.list({ id: change.id })) as Row[])[0] ?? null) : null
    if (change.action === "delete") {
      await ops.delete(change.id)
      return new StepResponse<Row | null, Undo>(before, { change, before, created_id: null })
    }
    if (change.action === "update") {
      const updated = (await ops.update({ id: change.id, ...change.data })) as Row
      return new StepResponse<Row | null, Undo>(updated, { change, before, created_id: null })
    }
    const created = (await ops.create(change.data)) as Row
    return new StepResponse<Row | null, Undo>(created, { change, before: null, created_id: created.id })
  },
  async (undo, { container }) => {
    if (!undo) return
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const ops = crud(service, undo.change.entity)
    if (undo.created_id) await ops.delete(undo.created_id)
    else if (undo.before && undo.change.action === "update") await ops.update(pickWritable(undo.before))
    else if (undo.before && undo.change.action === "delete") await ops.create(pickWritable(undo.before))
  }
)

/** A row as it can be written back: without the columns the ORM manages. */
function pickWritable(row: Row): Row {
  const { created_at: _c, updated_at: _u, deleted_at: _d, ...rest } = row
  void _c
  void _u
  void _d
  return Object.fromEntries(Object.entries(rest).filter(([k]) => !k.startsWith("raw_"))) as Row
}
