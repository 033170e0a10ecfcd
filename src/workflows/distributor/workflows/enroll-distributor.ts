import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { createHook, createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createDistributorStep } from "../steps/create-distributor"
import { resolveEnrollmentStep, ResolveEnrollmentStepInput } from "../steps/resolve-enrollment"
import { DistributionEvents } from "../../events"
import { emitDistributionEventsStep } from "../../common/steps/emit-distribution-events"

export type EnrollDistributorWorkflowInput = ResolveEnrollmentStepInput & {
  display_name?: string | null
  metadata?: Record<string, unknown> | null
}

/**
 * Makes a customer a distributor: a customer applying, an admin creating one, or the
 * plugin after a first order. Enrolling someone who already is one returns them as
 * they are, so applying twice is harmless.
 *
 * Hook `distributorEnrolled` `{ distributor_id, created }` runs after the write: a store may
 * add its own checks there; throwing undoes the enrollment.
 *
 * @example
 * const { result } = await enrollDistributorWorkflow(container).run({
 *   input: { customer_id: "cus_123", by: "customer" },
 * })
 */
export const enrollDistributorWorkflowId = "enroll-distributor"
export const enrollDistributorWorkflow = createWorkflow(
  enrollDistributorWorkflowId,
  (input: EnrollDistributorWorkflowInput) => {
    const enrollment = resolveEnrollmentStep(input)

    const created = when("create-distributor-if-new", { enrollment }, ({ enrollment }) => !enrollment.existing_id).then(() => {
      const distributor = createDistributorStep({
        customer_id: input.customer_id,
        status: enrollment.status,
        parent_id: enrollment.parent_id,
        display_name: input.display_name,
        metadata: input.metadata,
      })
      const events = transform({ distributor }, ({ distributor }) => {
        const data = { id: distributor.id, customer_id: distributor.customer_id }
        const names: string[] = [DistributionEvents.DISTRIBUTOR_APPLIED]
        if (distributor.status === "active") names.push(DistributionEvents.DISTRIBUTOR_APPROVED)
        return names.map((name) => ({ name, data }))
      })
      emitDistributionEventsStep(events)
      return distributor
    })

    const id = transform({ enrollment, created }, ({ enrollment, created }) => enrollment.existing_id ?? created!.id)
    const distributorEnrolled = createHook("distributorEnrolled", {
      distributor_id: id,
      created: transform({ enrollment }, ({ enrollment }) => !enrollment.existing_id),
    })
    const { data } = useQueryGraphStep({
      entity: "distributor",
      fields: ["*"],
      filters: { id },
    }).config({ name: "refetch-distributor" })

    return new WorkflowResponse(transform({ data }, ({ data }) => data[0]), { hooks: [distributorEnrolled] })
  }
)
