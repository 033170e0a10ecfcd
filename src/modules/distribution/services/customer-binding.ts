import { Context, DAL, InferEntityType, ModulesSdkTypes } from "@medusajs/framework/types"
import { InjectTransactionManager, MedusaContext } from "@medusajs/framework/utils"
import { Binding, Distributor } from "../models"
import { BINDING_SOURCES } from "../models/binding"
import { decideBinding } from "../binding-policy"
import { DistributionSettings } from "../settings"
import { invalid, notAllowed, notFound } from "../errors"
import { ShareCodeService } from "./share-code"
import { TeamTreeService } from "./team-tree"

type Deps = {
  baseRepository: DAL.RepositoryService
  bindingService: ModulesSdkTypes.IMedusaInternalService<typeof Binding>
  distributorService: ModulesSdkTypes.IMedusaInternalService<typeof Distributor>
  shareCodeService: ShareCodeService
  teamTreeService: TeamTreeService
}

export type BindCustomerInput = {
  customer_id: string
  code: string
  source: (typeof BINDING_SOURCES)[number]
  settings: Pick<DistributionSettings, "binding_policy" | "binding_days">
  now: Date
  /** Keep the current binding quietly instead of refusing, for bindings made on the way (at order time). */
  lenient?: boolean
}

type BindingRow = InferEntityType<typeof Binding>
/** How to undo a binding: delete the one created or put back the one replaced, and unset a parent it gave. */
export type BindingUndo = {
  created?: string
  previous?: Pick<BindingRow, "id" | "distributor_id" | "code" | "source" | "bound_at" | "expires_at">
  parent_set_on?: string
}

/**
 * Binds a customer to the distributor behind a code, under the binding policy. A customer
 * who is a distributor without a parent gets the code's owner as parent in the same
 * transaction (unless that would make a cycle), so "apply, then bind" and "bind, then
 * apply" end the same way.
 */
export class CustomerBindingService {
  protected readonly baseRepository_: DAL.RepositoryService
  protected readonly bindings_: Deps["bindingService"]
  protected readonly distributors_: Deps["distributorService"]
  protected readonly codes_: ShareCodeService
  protected readonly tree_: TeamTreeService

  constructor({ baseRepository, bindingService, distributorService, shareCodeService, teamTreeService }: Deps) {
    this.baseRepository_ = baseRepository
    this.bindings_ = bindingService
    this.distributors_ = distributorService
    this.codes_ = shareCodeService
    this.tree_ = teamTreeService
  }

  @InjectTransactionManager()
  async bindCustomer(
    input: BindCustomerInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ binding: BindingRow; undo: BindingUndo | null }> {
    const resolved = await this.codes_.resolveCode(input.code, sharedContext)
    if (!resolved) throw notFound(`No distributor has the code ${input.code}`)
    const { distributor } = resolved
    if (distributor.status !== "active") throw notAllowed(`The code ${input.code} is not active`)
    if (distributor.customer_id === input.customer_id) throw invalid("You cannot bind to your own code")

    const [current] = await this.bindings_.list({ customer_id: input.customer_id }, { take: 1 }, sharedContext)
    const decision = decideBinding(current ?? null, distributor.id, input.settings, input.now)
    if (decision.action === "refuse") {
      if (input.lenient) return { binding: current, undo: null }
      throw notAllowed(decision.reason)
    }
    if (decision.action === "keep") return { binding: current, undo: await this.adoptParent(input.customer_id, distributor.id, {}, sharedContext) }

    const fields = {
      distributor_id: distributor.id,
      code: input.code.trim().toUpperCase(),
      source: input.source,
      bound_at: input.now,
      expires_at: decision.expires_at,
    }
    const undo: BindingUndo = current
      ? { previous: { id: current.id, distributor_id: current.distributor_id, code: current.code, source: current.source, bound_at: current.bound_at, expires_at: current.expires_at } }
      : {}
    const binding = current
      ? await this.bindings_.update({ id: current.id, ...fields }, sharedContext)
      : await this.bindings_.create({ customer_id: input.customer_id, ...fields }, sharedContext)
    if (!current) undo.created = binding.id
    return { binding, undo: await this.adoptParent(input.customer_id, distributor.id, undo, sharedContext) }
  }

  /** Undoes `bindCustomer` (a workflow's compensation). */
  @InjectTransactionManager()
  async undoBinding(undo: BindingUndo, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    if (undo.parent_set_on) await this.tree_.placeUnder(undo.parent_set_on, null, sharedContext)
    if (undo.created) await this.bindings_.delete(undo.created, sharedContext)
    if (undo.previous) await this.bindings_.update(undo.previous, sharedContext)
  }

  /** A distributor without a parent takes the one they bind to, unless that makes a cycle. */
  protected async adoptParent(customerId: string, parentId: string, undo: BindingUndo, sharedContext: Context): Promise<BindingUndo> {
    const [own] = await this.distributors_.list({ customer_id: customerId }, { take: 1, select: ["id", "parent_id"] }, sharedContext)
    if (!own || own.parent_id) return undo
    const problem = await this.tree_.placeUnderIfAllowed(own.id, parentId, sharedContext)
    return problem ? undo : { ...undo, parent_set_on: own.id }
  }
}
