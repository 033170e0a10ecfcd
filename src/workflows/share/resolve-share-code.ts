import DistributionModuleService from "../../modules/distribution/service"

export type ResolvedShareCode = {
  code: string
  distributor_id: string
  distributor_customer_id: string
  display_name: string
  active: boolean
  /** The product link the code belongs to; null for a distributor's own (store-wide) code. */
  share_link_id: string | null
  product_id: string | null
}

/** A share code's owner and link, or null for a code nobody has. Codes are matched case-insensitively. */
export async function resolveShareCode(service: DistributionModuleService, raw: string): Promise<ResolvedShareCode | null> {
  const code = raw.trim().toUpperCase()
  const resolved = await service.resolveCode(code)
  if (!resolved) return null
  const link = resolved.product_id ? (await service.listShareLinks({ code }, { take: 1 }))[0] : undefined
  return {
    code,
    distributor_id: resolved.distributor.id,
    distributor_customer_id: resolved.distributor.customer_id,
    display_name: resolved.distributor.display_name ?? resolved.distributor.code,
    active: resolved.distributor.status === "active",
    share_link_id: link?.id ?? null,
    product_id: resolved.product_id,
  }
}
