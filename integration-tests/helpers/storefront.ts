/**
 * The typed client (`src/client`) against the running test app: a real Medusa JS SDK
 * pointed at the app's URL, logged in the way a storefront logs in.
 */
import Medusa from "@medusajs/js-sdk"
import { createDistributionClient } from "../../src/client"
import { Seed } from "./order-flow"

export type AxiosLike = { defaults: { baseURL?: string } }

/** A JS SDK for the test app; `login` logs a customer in (the token stays in memory). */
export function storefrontSdk(api: AxiosLike, seed: Seed) {
  const sdk = new Medusa({
    baseUrl: api.defaults.baseURL!,
    publishableKey: seed.publishableKey,
    auth: { type: "jwt", jwtTokenStorageMethod: "memory" },
  })
  return {
    sdk,
    client: createDistributionClient(sdk),
    login: async (email: string, password = "secret-pass") => {
      await sdk.auth.login("customer", "emailpass", { email, password })
    },
  }
}

/** The HTTP status of a failed SDK call (`FetchError.status`). */
export async function sdkStatus(p: Promise<unknown>): Promise<number> {
  try {
    await p
    return 200
  } catch (e) {
    const status = (e as { status?: number }).status
    if (!status) throw e
    return status
  }
}
