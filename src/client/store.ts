import type { Client, ClientHeaders } from "@medusajs/js-sdk"
import type {
  StoreApplyBody,
  StoreBindBody,
  StoreBindingResponse,
  StoreCartDistributionBody,
  StoreCartDistributionResponse,
  StoreCodeResponse,
  StoreCommissionsQuery,
  StoreCommissionsResponse,
  StoreConfigResponse,
  StoreCreateShareLinkBody,
  StoreCreateWithdrawalBody,
  StoreDistributorResponse,
  StoreLedgerQuery,
  StoreLedgerResponse,
  StoreLinksQuery,
  StoreLinksResponse,
  StoreMaterialsQuery,
  StoreMaterialsResponse,
  StoreMeResponse,
  StorePosterQuery,
  StorePosterResponse,
  StoreShareLinkResponse,
  StoreStatementsQuery,
  StoreStatementsResponse,
  StoreShareLinksQuery,
  StoreShareLinksResponse,
  StoreTeamQuery,
  StoreTeamResponse,
  StoreWithdrawalResponse,
  StoreWithdrawalsQuery,
  StoreWithdrawalsResponse,
} from "./types.js"

/** Anything with the JS SDK's `client.fetch`: a `new Medusa({ baseUrl, publishableKey })`. */
export type SdkLike = { client: Pick<Client, "fetch"> }

/**
 * Extra headers for one call, as the JS SDK takes them: on a server (Next.js server
 * components and actions) the customer's `authorization`, or a visitor's `user-agent`
 * and `x-forwarded-for` when a server looks a code up on their behalf.
 */
export type Headers = ClientHeaders

const enc = encodeURIComponent

/**
 * The plugin's store API over the Medusa JS SDK, typed end to end. The SDK adds the
 * publishable key and, once logged in, the customer's token; failures throw the SDK's
 * `FetchError` (its `status` is the HTTP status, its `message` the server's message).
 *
 * @example
 * const sdk = new Medusa({ baseUrl: "http://localhost:9000", publishableKey: "pk_…" })
 * const distribution = createDistributionClient(sdk)
 * const { valid, distributor } = await distribution.getCode("K7M2Q9XA")
 */
export function createDistributionClient(sdk: SdkLike) {
  const get = <T>(path: string, query?: object, headers?: Headers) =>
    sdk.client.fetch<T>(path, { method: "GET", query: query as Record<string, unknown> | undefined, headers })
  const post = <T>(path: string, body: object, headers?: Headers) => sdk.client.fetch<T>(path, { method: "POST", body, headers })

  return {
    /** The program's public terms: `binding_days`, enrollment, withdrawal rules. */
    getConfig: (headers?: Headers) => get<StoreConfigResponse>("/store/distribution/config", undefined, headers),

    /** Whether a share code is valid and whose it is; records a visit (once per visitor and 30 minutes). */
    getCode: (code: string, headers?: Headers) => get<StoreCodeResponse>(`/store/distribution/codes/${enc(code)}`, undefined, headers),

    /** Carries a code on a cart, so the order it becomes is attributed; applies the store's share coupon, if any. */
    attachToCart: (cartId: string, body: StoreCartDistributionBody, headers?: Headers) =>
      post<StoreCartDistributionResponse>(`/store/carts/${enc(cartId)}/distribution`, body, headers),

    /** (logged in) Binds me to the distributor behind a code, under the store's binding policy. */
    bind: (body: StoreBindBody, headers?: Headers) => post<StoreBindingResponse>("/store/distribution/bind", body, headers),

    /** (logged in) Applies to become a distributor; applying again answers the same distributor. */
    apply: (body: StoreApplyBody = {}, headers?: Headers) => post<StoreDistributorResponse>("/store/distribution/apply", body, headers),

    /** (logged in) My distributor record and balances per currency; 404 when I am not a distributor. */
    getMe: (headers?: Headers) => get<StoreMeResponse>("/store/distribution/me", undefined, headers),

    /** (logged in) My team at one level (1–3). */
    listTeam: (query: StoreTeamQuery = {}, headers?: Headers) => get<StoreTeamResponse>("/store/distribution/me/team", query, headers),

    /** (logged in) My commissions with their lines, newest first. */
    listCommissions: (query: StoreCommissionsQuery = {}, headers?: Headers) =>
      get<StoreCommissionsResponse>("/store/distribution/me/commissions", query, headers),

    /** (logged in) The store-wide link (no `product_id`) or a product's link, with QR codes. */
    createShareLink: (body: StoreCreateShareLinkBody = {}, headers?: Headers) =>
      post<StoreShareLinkResponse>("/store/distribution/me/share-links", body, headers),

    /** (logged in) My share links: the store-wide one (`id: "store"`) first, then product links. */
    listShareLinks: (query: StoreShareLinksQuery = {}, headers?: Headers) =>
      get<StoreShareLinksResponse>("/store/distribution/me/share-links", query, headers),

    /** (logged in) What a share poster shows for one of my links (`"store"` for the store-wide one). */
    getPoster: (linkId: string, query: StorePosterQuery = {}, headers?: Headers) =>
      get<StorePosterResponse>(`/store/distribution/me/share-links/${enc(linkId)}/poster`, query, headers),

    /** (logged in) Visits, carts, orders and kept GMV per share link. */
    listLinkStats: (query: StoreLinksQuery = {}, headers?: Headers) => get<StoreLinksResponse>("/store/distribution/me/links", query, headers),

    /** (logged in) Asks for a payout; the amount leaves the available balance at once. */
    requestWithdrawal: (body: StoreCreateWithdrawalBody, headers?: Headers) =>
      post<StoreWithdrawalResponse>("/store/distribution/me/withdrawals", body, headers),

    /** (logged in) My withdrawals, newest first. */
    listWithdrawals: (query: StoreWithdrawalsQuery = {}, headers?: Headers) =>
      get<StoreWithdrawalsResponse>("/store/distribution/me/withdrawals", query, headers),

    /** (logged in) My wallet's movements, newest first. */
    listLedger: (query: StoreLedgerQuery = {}, headers?: Headers) => get<StoreLedgerResponse>("/store/distribution/me/ledger", query, headers),

    /** (logged in) My statement for a month (`YYYY-MM`, UTC; this month by default), per currency. */
    getStatements: (query: StoreStatementsQuery = {}, headers?: Headers) =>
      get<StoreStatementsResponse>("/store/distribution/me/statements", query, headers),

    /** (logged in) The promotional materials (images, videos, copy) my grade may use, newest first. */
    listMaterials: (query: StoreMaterialsQuery = {}, headers?: Headers) =>
      get<StoreMaterialsResponse>("/store/distribution/me/materials", query, headers),
  }
}

export type DistributionClient = ReturnType<typeof createDistributionClient>
