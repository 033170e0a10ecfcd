import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"
import { invalid, notAllowed, notFound } from "../../../modules/distribution/errors"

export type BindCustomerStepInput = {
  customer_id: string
  code: string
  source: "link" | "code" | "cart" | "order" | "admin"
  /** Quietly keep the current binding instead of refusing, for bindings made on the way (e.g. at order time). */
  lenient?: boolean
}

const DAY_MS = 24 * 60 * 60 * 1000

type BindingSnapshot = {
  id: string
  distributor_id: string
  code: string
  source: BindCustomerStepInput["source"]
  bound_at: Date
  expires_at: Date | null
}
/** How to undo a binding: delete the one created, or put back the one replaced. */
type BindingUndo = { created?: string; previous?: BindingSnapshot } | null

/**
 * Binds a customer to the distributor behind a code, under the binding policy:
 * `first` keeps the first binding for good, `override` lets the newest code win,
 * `expiring` lets a new code take over once `binding_days` have passed.
 */
export const bindCustomerStepId = "bind-customer-to-distributor"
export const bindCustomerStep = createStep(
  bindCustomerStepId,
  async (input: BindCustomerStepInput, { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const settings = await service.getSettings()
    const resolved = await service.resolveCode(input.code)
    if (!resolved) throw notFound(`No distributor has the code ${input.code}`)
    const { distributor } = resolved
    if (distributor.status !== "active") {
      throw notAllowed(`The code ${input.code} is not active`)
    }
    if (distributor.customer_id === input.customer_id) {
      throw invalid("You cannot bind to your own code")
    }

    const now = new Date()
    const [current] = await service.listBindings({ customer_id: input.customer_id }, { take: 1 })
    const fields = {
      distributor_id: distributor.id,
      code: input.code.trim().toUpperCase(),
      source: input.source,
      bound_at: now,
      expires_at: settings.binding_policy === "expiring" ? new Date(now.getTime() + settings.binding_days * DAY_MS) : null,
    }

    if (!current) {
      const binding = await service.createBindings({ customer_id: input.customer_id, ...fields })
      return new StepResponse<typeof binding, BindingUndo>(binding, { created: binding.id })
    }
    const expired = current.expires_at && new Date(current.expires_at) <= now
    if (current.distributor_id === distributor.id && !expired) {
      return new StepResponse<typeof current, BindingUndo>(current, null)
    }
    // An expired binding is renewed by its own distributor's code too (a returning shopper).
    const replaceable =
      settings.binding_policy === "override" || (settings.binding_policy === "expiring" && expired) || current.distributor_id === distributor.id
    if (!replaceable) {
      if (input.lenient) return new StepResponse<typeof current, BindingUndo>(current, null)
      throw notAllowed(
        settings.binding_policy === "expiring"
          ? `You are bound to another distributor until ${new Date(current.expires_at!).toISOString()}`
          : "You are already bound to another distributor"
      )
    }
    const binding = await service.updateBindings({ id: current.id, ...fields })
    return new StepResponse<typeof binding, BindingUndo>(binding, {
      previous: {
        id: current.id,
        distributor_id: current.distributor_id,
        code: current.code,
        source: current.source,
        bound_at: current.bound_at,
        expires_at: current.expires_at,
      },
    })
  },
  async (undo, { container }) => {
    if (!undo) return
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    if (undo.created) await service.deleteBindings(undo.created)
    if (undo.previous) await service.updateBindings(undo.previous)
  }
)
