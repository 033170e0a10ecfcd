/**
 * Customers with storefront accounts (they can log in with the demo password), and what
 * they do as distributors, through the plugin's own workflows.
 */
import { CustomerDTO, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createCustomerAccountWorkflow } from "@medusajs/medusa/core-flows"
import { bindCustomerWorkflow, changeDistributorStatusWorkflow, enrollDistributorWorkflow } from "../src/workflows"
import demo from "./demo.json"

export type Person = { first_name: string; last_name: string; email: string }
export type Distributor = { id: string; code: string; status: string }

export function people(container: MedusaContainer) {
  const auth = container.resolve(Modules.AUTH)

  return {
    /** Registers an email/password identity and the customer behind it, as the storefront's sign-up does. */
    async signUp(person: Person): Promise<CustomerDTO> {
      const { authIdentity, error } = await auth.register("emailpass", {
        body: { email: person.email, password: demo.customerPassword },
      })
      if (!authIdentity) throw new Error(`Could not register ${person.email}: ${error}`)
      const { result } = await createCustomerAccountWorkflow(container).run({
        input: { authIdentityId: authIdentity.id, customerData: person },
      })
      return result
    },

    /** A shopper who followed a share link (`link`) or typed a code (`code`). */
    async bind(customer: CustomerDTO, to: Distributor, source: "link" | "code") {
      await bindCustomerWorkflow(container).run({ input: { customer_id: customer.id, code: to.code, source } })
    },

    /** `customer` applies (pending under the approval mode); `admin` invites (active at once). */
    async enroll(customer: CustomerDTO, by: "customer" | "admin", display_name: string): Promise<Distributor> {
      const { result } = await enrollDistributorWorkflow(container).run({ input: { customer_id: customer.id, by, display_name } })
      return result as Distributor
    },

    async decide(distributor: Distributor, action: "approve" | "reject" | "suspend", reason?: string): Promise<Distributor> {
      const { result } = await changeDistributorStatusWorkflow(container).run({ input: { id: distributor.id, action, reason } })
      return result as Distributor
    },
  }
}
