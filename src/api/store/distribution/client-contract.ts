/**
 * Compile-time proof that the typed client (`medusa-plugin-distribution/client`) and these
 * routes speak the same language: every request type of the client equals what the route's
 * validator accepts (bodies), or is read by it (queries). Change one side alone and `tsc` (typecheck, plugin build) fails here.
 * Types only: nothing of this file exists at run time.
 */
import type { z } from "@medusajs/framework/zod"
import type * as Client from "../../../client/types"
import type * as V from "./validators"

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false
/** Every key the client may send is one the route reads, with a value of a type it takes. */
type Accepts<Server, ClientType> = false extends {
  [K in keyof ClientType]-?: K extends keyof Server ? (Exclude<ClientType[K], undefined> extends Server[K] ? true : false) : false
}[keyof ClientType]
  ? false
  : true
type Assert<T extends true> = T

// Bodies: exactly the same.
export type StoreBodyContract = [
  Assert<Equal<z.input<typeof V.StoreApply>, Client.StoreApplyBody>>,
  Assert<Equal<z.input<typeof V.StoreBind>, Client.StoreBindBody>>,
  Assert<Equal<z.input<typeof V.StoreCartDistribution>, Client.StoreCartDistributionBody>>,
  Assert<Equal<z.input<typeof V.StoreCreateShareLink>, Client.StoreCreateShareLinkBody>>,
  Assert<Equal<z.input<typeof V.StoreCreateWithdrawal>, Client.StoreCreateWithdrawalBody>>,
  Assert<Equal<z.input<typeof V.StoreGetPosterParams>, Client.StorePosterQuery>>,
]

// Queries: whatever the client sends, the route reads (its parsed output; Medusa's
// `fields`/`order` come on top).
export type StoreQueryContract = [
  Assert<Accepts<z.output<typeof V.StoreGetTeamParams>, Client.StoreTeamQuery>>,
  Assert<Accepts<z.output<typeof V.StoreGetCommissionsParams>, Client.StoreCommissionsQuery>>,
  Assert<Accepts<z.output<typeof V.StoreGetWithdrawalsParams>, Client.StoreWithdrawalsQuery>>,
  Assert<Accepts<z.output<typeof V.StoreGetShareLinksParams>, Client.StoreShareLinksQuery>>,
  Assert<Accepts<z.output<typeof V.StoreGetLinksParams>, Client.StoreLinksQuery>>,
]
