import type { CookieAdapter } from "./cookies.js"
import { normalizeCode, readRef } from "./ref.js"
import type { DistributionClient, Headers } from "./store.js"
import type { StoreBinding, StoreCartDistributionResponse, StoreCodeResponse } from "./types.js"

/** The first-party cookie that keeps a captured share code. */
export const REF_COOKIE = "medusa_distribution_ref"

const DAY_SECONDS = 24 * 60 * 60
/** Used when the store's `binding_days` cannot be read (the server's own default). */
const FALLBACK_BINDING_DAYS = 30

export type ShareFlowOptions = {
  client: Pick<DistributionClient, "getConfig" | "getCode" | "attachToCart" | "bind">
  cookies: CookieAdapter
  cookieName?: string
  /** Days to keep a captured code; read once from `GET /store/distribution/config` (`binding_days`) when not given. */
  bindingDays?: number
}

export type CaptureResult = StoreCodeResponse & {
  /** Whether the code is now kept in the cookie (valid codes only). */
  kept: boolean
}

/** The HTTP status of a failed SDK call (`FetchError.status`), if it has one. */
const statusOf = (error: unknown): number | undefined => (error as { status?: number } | null)?.status

/**
 * The share flow, start to finish: capture `?ref=` from the landing URL and keep it in a
 * first-party cookie for `binding_days`, attach it to the cart once there is one, and bind
 * the customer after login or registration. Works in the browser and on a server alike:
 * give it a client and the cookie adapter of where it runs.
 *
 * @example
 * const flow = createShareFlow({ client: createDistributionClient(sdk), cookies: browserCookies() })
 * await flow.capture(window.location.href)   // on landing
 * await flow.attachToCart(cart.id)           // after the cart is created
 * await flow.bindCustomer()                  // after login or registration
 */
export function createShareFlow(options: ShareFlowOptions) {
  const { client, cookies } = options
  const name = options.cookieName ?? REF_COOKIE
  let days: Promise<number> | null = null

  const bindingDays = (): Promise<number> => {
    if (options.bindingDays) return Promise.resolve(options.bindingDays)
    days ??= client.getConfig().then(
      ({ config }) => config.binding_days,
      () => {
        days = null // try again next time
        return FALLBACK_BINDING_DAYS
      }
    )
    return days
  }

  const current = async (): Promise<string | null> => normalizeCode(await cookies.get(name))
  const forget = async (): Promise<void> => {
    await cookies.remove(name, { path: "/" })
  }

  /** Checks a code with the server (which records the visit) and keeps it when valid. */
  const keep = async (code: string, headers?: Headers): Promise<CaptureResult> => {
    const normalized = normalizeCode(code)
    if (!normalized) return { code: code.trim().toUpperCase(), valid: false, distributor: null, product_id: null, kept: false }
    const answer = await client.getCode(normalized, headers)
    if (!answer.valid) return { ...answer, kept: false }
    await cookies.set(name, answer.code, { maxAge: (await bindingDays()) * DAY_SECONDS, path: "/", sameSite: "lax" })
    return { ...answer, kept: true }
  }

  return {
    /**
     * On landing: reads `?ref=` from the URL, checks it and keeps a valid code (the newest
     * valid code replaces an older one; an invalid one leaves it alone). Null when the URL
     * carries no code. On a server, pass the visitor's `user-agent` and `x-forwarded-for` as
     * `headers`, so the visit counts for them and not for the server.
     */
    capture: async (url: string | URL, headers?: Headers): Promise<CaptureResult | null> => {
      const code = readRef(url)
      return code ? keep(code, headers) : null
    },

    /** Keeps a code typed in by the shopper, after checking it. */
    keep,

    /** The kept code, or null. */
    current,

    /** Drops the kept code. */
    forget,

    /**
     * Puts the kept code on a cart (and with it the store's share coupon). Null when no code
     * is kept. A code the server refuses (no longer active, or the shopper's own) is dropped.
     */
    attachToCart: async (cartId: string, headers?: Headers): Promise<StoreCartDistributionResponse["cart"] | null> => {
      const code = await current()
      if (!code) return null
      try {
        return (await client.attachToCart(cartId, { code }, headers)).cart
      } catch (error) {
        const status = statusOf(error)
        if (status === 404 || status === 400) {
          // 404: the code is no longer active; 400: it is the shopper's own, or the cart is completed.
          if (status === 404 || /own code/i.test((error as Error).message)) await forget()
          return null
        }
        throw error
      }
    },

    /**
     * After login or registration: binds the customer to the kept code's distributor. Null
     * when no code is kept, or when the store's binding policy keeps an earlier binding.
     */
    bindCustomer: async (headers?: Headers): Promise<StoreBinding | null> => {
      const code = await current()
      if (!code) return null
      try {
        return (await client.bind({ code }, headers)).binding
      } catch (error) {
        const status = statusOf(error)
        if (status === 404) await forget()
        if (status === 404 || status === 400) return null
        throw error
      }
    },
  }
}

export type ShareFlow = ReturnType<typeof createShareFlow>
