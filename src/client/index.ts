/**
 * `medusa-plugin-distribution/client`: the plugin's store API over the Medusa JS SDK, and
 * the share flow (capture `?ref=`, keep it, attach it to the cart, bind after login).
 * Runs in browsers and on servers; imports no server code.
 */
export { createDistributionClient } from "./store.js"
export type { DistributionClient, Headers, SdkLike } from "./store.js"
export { createShareFlow, REF_COOKIE } from "./share-flow.js"
export type { CaptureResult, ShareFlow, ShareFlowOptions } from "./share-flow.js"
export { normalizeCode, readRef, REF_PARAM, withoutRef } from "./ref.js"
export { browserCookies, headerCookies, memoryCookies, nextCookies, parseCookie, serializeCookie } from "./cookies.js"
export type { CookieAdapter, CookieOptions, NextCookieStore } from "./cookies.js"
export { STORE_WIDE_LINK_ID } from "./types.js"
export type * from "./types.js"
