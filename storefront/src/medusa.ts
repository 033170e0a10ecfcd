import Medusa from "@medusajs/js-sdk"
import { browserCookies, createDistributionClient, createShareFlow } from "medusa-plugin-distribution/client"
import { BACKEND_URL, PUBLISHABLE_KEY } from "./config"

/** Medusa's JS SDK; the customer's token is kept in localStorage once logged in. */
export const sdk = new Medusa({
  baseUrl: BACKEND_URL,
  publishableKey: PUBLISHABLE_KEY,
  auth: { type: "jwt", jwtTokenStorageMethod: "local" },
})

/** The plugin's store API, typed. */
export const distribution = createDistributionClient(sdk)

/** `?ref=` → cookie for binding_days → cart → binding after login. */
export const shareFlow = createShareFlow({ client: distribution, cookies: browserCookies() })

/** The server's message of a failed SDK call. */
export const messageOf = (error: unknown): string => (error as { message?: string } | null)?.message ?? String(error)
export const statusOf = (error: unknown): number | undefined => (error as { status?: number } | null)?.status
