import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MathBN } from "@medusajs/framework/utils"
import { saveCommissionTermsWorkflow } from "../../../../workflows/terms/workflows/save-commission-terms"
import { TERMS_ENTITIES, TermsEntity } from "../../../../modules/distribution/terms-entities"
import { distributionService, pageOf } from "../../../utils"
import { notFound } from "../../../../modules/distribution/errors"

type Row = Record<string, unknown> & { id: string }

const toStrings = (v: unknown) => (Array.isArray(v) ? v.map(String) : v)
const toNumbers = (v: unknown) => (Array.isArray(v) ? v.map((x) => MathBN.convert(String(x)).toNumber()) : v)

/** Rates and amounts are stored as exact decimal strings and shown as numbers, like every amount of the API. */
function toStored(body: Record<string, unknown>): Record<string, unknown> {
  const out = { ...body }
  for (const key of ["level_rates", "level_values"]) if (key in out) out[key] = toStrings(out[key])
  if (out.multiplier !== undefined && out.multiplier !== null) out.multiplier = String(out.multiplier)
  return out
}
function toShown(row: Row): Row {
  const { raw_min_sales, ...rest } = row as Row & { raw_min_sales?: { value: string } }
  const out: Row = { ...rest }
  for (const key of ["level_rates", "level_values"]) if (key in out) out[key] = toNumbers(out[key])
  if (typeof out.multiplier === "string") out.multiplier = MathBN.convert(out.multiplier).toNumber()
  if (raw_min_sales) out.min_sales = MathBN.convert(raw_min_sales.value).toNumber()
  return out
}

function listOf(service: ReturnType<typeof distributionService>, entity: TermsEntity) {
  const method = `listAndCount${TERMS_ENTITIES[entity].model}`
  return (service as unknown as Record<string, (f: object, c: object) => Promise<[Row[], number]>>)[method].bind(service)
}

async function save(req: AuthenticatedMedusaRequest, entity: TermsEntity, action: "create" | "update" | "delete", id?: string) {
  const { result } = await saveCommissionTermsWorkflow(req.scope).run({
    input: { entity, action, id, data: action === "delete" ? undefined : toStored(req.validatedBody as Record<string, unknown>) },
  })
  return result as Row
}

/** `GET` (list) and `POST` (create) for `/admin/distribution/<plural>`. */
export function listAndCreate(entity: TermsEntity) {
  const plural = TERMS_ENTITIES[entity].plural
  return {
    GET: async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
      const page = pageOf(req)
      const [rows, count] = await listOf(distributionService(req), entity)({}, { ...page, order: { created_at: "ASC" } })
      res.json({ [plural]: rows.map(toShown), count, limit: page.take, offset: page.skip })
    },
    POST: async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
      res.json({ [entity]: toShown(await save(req, entity, "create")) })
    },
  }
}

/** `GET`, `POST` (update) and `DELETE` for `/admin/distribution/<plural>/:id`. */
export function retrieveUpdateDelete(entity: TermsEntity) {
  return {
    GET: async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
      const [[row]] = await listOf(distributionService(req), entity)({ id: req.params.id }, { take: 1 })
      if (!row) throw notFound(`No ${entity} has the id ${req.params.id}`)
      res.json({ [entity]: toShown(row) })
    },
    POST: async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
      res.json({ [entity]: toShown(await save(req, entity, "update", req.params.id)) })
    },
    DELETE: async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
      await save(req, entity, "delete", req.params.id)
      res.json({ id: req.params.id, object: entity, deleted: true })
    },
  }
}
