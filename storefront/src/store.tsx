import type { HttpTypes } from "@medusajs/types"
import { withoutRef } from "medusa-plugin-distribution/client"
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from "react"
import { distribution, sdk, shareFlow, statusOf } from "./medusa"

const CART_KEY = "storefront_cart_id"
/** The display name of the distributor whose link was captured last, for the banner and "linked to …". */
const REFERRER_KEY = "storefront_referrer"
const CART_FIELDS = "*items,*items.variant,*items.product,+metadata,*promotions,+total,+subtotal,+item_total,+discount_total,+shipping_total,+tax_total"

type Shop = {
  ready: boolean
  region: HttpTypes.StoreRegion | null
  customer: HttpTypes.StoreCustomer | null
  cart: HttpTypes.StoreCart | null
  /** The distributor whose link brought this visitor, once `?ref=` was captured. */
  referrer: string | null
  /** The distributor a login or registration just bound the customer to. */
  boundTo: string | null
  addToCart: (variantId: string, quantity?: number) => Promise<void>
  updateLine: (lineId: string, quantity: number) => Promise<void>
  refreshCart: () => Promise<HttpTypes.StoreCart | null>
  forgetCart: () => void
  login: (email: string, password: string) => Promise<void>
  register: (input: { email: string; password: string; first_name: string; last_name: string }) => Promise<void>
  logout: () => Promise<void>
}

const Context = createContext<Shop | null>(null)

export function ShopProvider({ children }: { children: ReactNode }) {
  const [ready, setReady] = useState(false)
  const [region, setRegion] = useState<HttpTypes.StoreRegion | null>(null)
  const [customer, setCustomer] = useState<HttpTypes.StoreCustomer | null>(null)
  const [cart, setCart] = useState<HttpTypes.StoreCart | null>(null)
  const [referrer, setReferrer] = useState<string | null>(null)
  const [boundTo, setBoundTo] = useState<string | null>(null)

  const loadCart = useCallback(async (): Promise<HttpTypes.StoreCart | null> => {
    const id = localStorage.getItem(CART_KEY)
    if (!id) return null
    try {
      const { cart } = await sdk.store.cart.retrieve(id, { fields: CART_FIELDS })
      if (cart.completed_at) throw Object.assign(new Error("completed"), { status: 404 })
      setCart(cart)
      return cart
    } catch (error) {
      if (statusOf(error) === 404 || (error as Error).message === "completed") {
        localStorage.removeItem(CART_KEY)
        setCart(null)
        return null
      }
      throw error
    }
  }, [])

  /** Puts the kept share code on the cart (the server applies the share coupon, if any) when it does not carry it yet. */
  const attachCode = useCallback(async (current: HttpTypes.StoreCart | null) => {
    const code = await shareFlow.current()
    if (!current || !code || (current.metadata as Record<string, unknown> | null)?.distribution_code === code) return current
    await shareFlow.attachToCart(current.id)
    return loadCart()
  }, [loadCart])

  const bind = useCallback(async () => {
    const binding = await shareFlow.bindCustomer().catch(() => null)
    if (binding) setBoundTo(sessionStorage.getItem(REFERRER_KEY) ?? binding.code)
  }, [])

  useEffect(() => {
    ;(async () => {
      // 1. On landing: `?ref=CODE` is checked (the server records the visit) and kept in a cookie for binding_days.
      const captured = await shareFlow.capture(window.location.href).catch(() => null)
      if (captured?.kept) {
        sessionStorage.setItem(REFERRER_KEY, captured.distributor?.display_name ?? captured.code)
        window.history.replaceState(null, "", withoutRef(window.location.href))
      }
      setReferrer(sessionStorage.getItem(REFERRER_KEY))
      const [{ regions }, me] = await Promise.all([
        sdk.store.region.list({ limit: 1 }),
        // Only with a saved login: asking without one is a 401 in the console.
        localStorage.getItem("medusa_auth_token") ? sdk.store.customer.retrieve().catch(() => null) : null,
      ])
      setRegion(regions[0] ?? null)
      setCustomer(me?.customer ?? null)
      // 2. A cart made before the link was opened gets the code too.
      await attachCode(await loadCart().catch(() => null))
      // 3. A logged-in customer arriving through a link is bound now.
      if (me?.customer && captured?.kept) await bind()
      setReady(true)
    })().catch((error) => {
      console.error(error)
      setReady(true)
    })
  }, [attachCode, bind, loadCart])

  const ensureCart = async (): Promise<HttpTypes.StoreCart> => {
    if (cart) return cart
    const { cart: created } = await sdk.store.cart.create({ region_id: region?.id })
    localStorage.setItem(CART_KEY, created.id)
    // The cart hook: the kept code goes on every new cart.
    return (await attachCode(created)) ?? created
  }

  const addToCart = async (variantId: string, quantity = 1) => {
    const current = await ensureCart()
    await sdk.store.cart.createLineItem(current.id, { variant_id: variantId, quantity })
    await loadCart()
  }

  const updateLine = async (lineId: string, quantity: number) => {
    if (!cart) return
    if (quantity <= 0) await sdk.store.cart.deleteLineItem(cart.id, lineId)
    else await sdk.store.cart.updateLineItem(cart.id, lineId, { quantity })
    await loadCart()
  }

  const afterLogin = async () => {
    const { customer } = await sdk.store.customer.retrieve()
    setCustomer(customer)
    if (cart) await sdk.store.cart.transferCart(cart.id).catch(() => undefined)
    // The login hook: bind the customer to the kept code's distributor.
    await bind()
    await loadCart().catch(() => null)
  }

  const login = async (email: string, password: string) => {
    const token = await sdk.auth.login("customer", "emailpass", { email, password })
    if (typeof token !== "string") throw new Error("This account needs another login step")
    await afterLogin()
  }

  const register = async ({ email, password, first_name, last_name }: { email: string; password: string; first_name: string; last_name: string }) => {
    await sdk.auth.register("customer", "emailpass", { email, password })
    await sdk.store.customer.create({ email, first_name, last_name })
    await sdk.auth.login("customer", "emailpass", { email, password })
    await afterLogin()
  }

  const logout = async () => {
    await sdk.auth.logout()
    setCustomer(null)
    setBoundTo(null)
    localStorage.removeItem(CART_KEY)
    setCart(null)
  }

  const forgetCart = () => {
    localStorage.removeItem(CART_KEY)
    setCart(null)
  }

  return (
    <Context.Provider
      value={{ ready, region, customer, cart, referrer, boundTo, addToCart, updateLine, refreshCart: loadCart, forgetCart, login, register, logout }}
    >
      {children}
    </Context.Provider>
  )
}

export function useShop(): Shop {
  const value = useContext(Context)
  if (!value) throw new Error("useShop outside ShopProvider")
  return value
}

export { distribution }
