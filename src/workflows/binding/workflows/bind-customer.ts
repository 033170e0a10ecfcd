import { createHook, createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { bindCustomerStep, BindCustomerStepInput } from "../steps/bind-customer"

export type BindCustomerWorkflowInput = BindCustomerStepInput

/**
 * Records who brought a customer. Binding twice to the same distributor is a no-op. A
 * distributor without a parent who binds to another distributor's code gets that parent.
 *
 * Hook `customerBound` `{ customer_id, binding_id }`: throwing there undoes the binding.
 *
 * @example
 * await bindCustomerWorkflow(container).run({ input: { customer_id, code: "K7M2Q9XA", source: "link" } })
 */
export const bindCustomerWorkflowId = "bind-customer-to-distributor"
export const bindCustomerWorkflow = createWorkflow(bindCustomerWorkflowId, (input: BindCustomerWorkflowInput) => {
  const binding = bindCustomerStep(input)
  const customerBound = createHook("customerBound", { customer_id: input.customer_id, binding_id: binding.id })
  return new WorkflowResponse(binding, { hooks: [customerBound] })
})
