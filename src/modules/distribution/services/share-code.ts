import { Context, DAL, InferEntityType, ModulesSdkTypes } from "@medusajs/framework/types"
import { InjectManager, MedusaContext } from "@medusajs/framework/utils"
import { randomInt } from "crypto"
import { Distributor, ShareLink } from "../models"

type Deps = {
  baseRepository: DAL.RepositoryService
  distributorService: ModulesSdkTypes.IMedusaInternalService<typeof Distributor>
  shareLinkService: ModulesSdkTypes.IMedusaInternalService<typeof ShareLink>
}

// No 0/O/1/I/L: codes are read aloud and typed from screenshots.
const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
const CODE_LENGTH = 8
const CODE_ATTEMPTS = 5

export type ResolvedCode = { distributor: InferEntityType<typeof Distributor>; product_id: string | null }

/** Share codes: a distributor's own code, and one per product ("one item, one code"). */
export class ShareCodeService {
  protected readonly baseRepository_: DAL.RepositoryService
  protected readonly distributors_: Deps["distributorService"]
  protected readonly links_: Deps["shareLinkService"]

  constructor({ baseRepository, distributorService, shareLinkService }: Deps) {
    this.baseRepository_ = baseRepository
    this.distributors_ = distributorService
    this.links_ = shareLinkService
  }

  /** A short, unguessable code. Uniqueness is enforced by the index; see `unusedCode`. */
  generateCode(length = CODE_LENGTH): string {
    let code = ""
    for (let i = 0; i < length; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]
    return code
  }

  /**
   * A code no distributor or share link has yet. A collision among 31^8 codes is rare;
   * checking first keeps the unique index from aborting the caller's transaction.
   */
  @InjectManager()
  async unusedCode(@MedusaContext() sharedContext: Context = {}): Promise<string> {
    let code = this.generateCode()
    for (let attempt = 1; attempt < CODE_ATTEMPTS; attempt++) {
      const [owner] = await this.distributors_.list({ code }, { take: 1, select: ["id"] }, sharedContext)
      const [link] = await this.links_.list({ code }, { take: 1, select: ["id"] }, sharedContext)
      if (!owner && !link) break
      code = this.generateCode()
    }
    return code
  }

  /** Whose code this is, matched case-insensitively (people type codes). */
  @InjectManager()
  async resolveCode(code: string, @MedusaContext() sharedContext: Context = {}): Promise<ResolvedCode | null> {
    const normalized = code.trim().toUpperCase()
    if (!normalized) return null
    const [distributor] = await this.distributors_.list({ code: normalized }, { take: 1 }, sharedContext)
    if (distributor) return { distributor, product_id: null }
    const [link] = await this.links_.list({ code: normalized }, { take: 1 }, sharedContext)
    if (!link) return null
    return { distributor: await this.distributors_.retrieve(link.distributor_id, {}, sharedContext), product_id: link.product_id }
  }
}
