import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { bindCustomerWorkflow } from "../../../../workflows/binding/workflows/bind-customer"
import { StoreBindType } from "../validators"

/** Bind me to the distributor behind a code, under the store's binding policy. */
export const POST = async (req: AuthenticatedMedusaRequest<StoreBindType>, res: MedusaResponse) => {
  const { result } = await bindCustomerWorkflow(req.scope).run({
    input: { customer_id: req.auth_context.actor_id, code: req.validatedBody.code, source: "code" },
  })
  res.json({ binding: result })
}
