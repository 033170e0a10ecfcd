import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { bindCustomerStep, BindCustomerStepInput } from "../steps/bind-customer"

export type BindCustomerWorkflowInput = BindCustomerStepInput

/**
 * Records who brought a customer. Binding twice to the same distributor is a no-op.
 *
 * @example
 * await bindCustomerWorkflow(container).run({ input: { customer_id, code: "K7M2Q9XA", source: "link" } })
 */
export const bindCustomerWorkflowId = "bind-customer-to-distributor"
export const bindCustomerWorkflow = createWorkflow(bindCustomerWorkflowId, (input: BindCustomerWorkflowInput) => {
  return new WorkflowResponse(bindCustomerStep(input))
})
