import {
  browserCookies,
  createShareFlow,
  headerCookies,
  memoryCookies,
  nextCookies,
  normalizeCode,
  parseCookie,
  readRef,
  REF_COOKIE,
  serializeCookie,
  withoutRef,
} from "../../src/client"
import type { ShareFlowOptions } from "../../src/client"

const DAY = 24 * 60 * 60

/** A stand-in for the store API: answers like the plugin's routes, and records the calls. */
function fakeClient(overrides: Partial<ShareFlowOptions["client"]> = {}) {
  const calls: string[] = []
  const client: ShareFlowOptions["client"] = {
    getConfig: async () => {
      calls.push("config")
      return { config: { binding_days: 7 } } as Awaited<ReturnType<ShareFlowOptions["client"]["getConfig"]>>
    },
    getCode: async (code) => {
      calls.push(`code ${code}`)
      return code === "GOOD2345"
        ? { code, valid: true, distributor: { display_name: "Carol" }, product_id: null }
        : { code, valid: false, distributor: null, product_id: null }
    },
    attachToCart: async (cartId, body) => {
      calls.push(`cart ${cartId} ${body.code}`)
      return { cart: { id: cartId } } as Awaited<ReturnType<ShareFlowOptions["client"]["attachToCart"]>>
    },
    bind: async (body) => {
      calls.push(`bind ${body.code}`)
      return { binding: { code: body.code } } as Awaited<ReturnType<ShareFlowOptions["client"]["bind"]>>
    },
    ...overrides,
  }
  return { client, calls }
}
const httpError = (status: number, message = "refused") => Object.assign(new Error(message), { status })

describe("ref in URLs", () => {
  it("reads and normalizes ?ref=, and refuses what cannot be a code", () => {
    expect(readRef("https://shop.test/products/tea?ref=k7m2q9xa&utm=x")).toBe("K7M2Q9XA")
    expect(readRef(new URL("https://shop.test/?ref=%20AB12CD34%20"))).toBe("AB12CD34")
    expect(readRef("/products/tea?ref=AB12CD34")).toBe("AB12CD34")
    expect(readRef("https://shop.test/")).toBeNull()
    expect(readRef("https://shop.test/?ref=<script>")).toBeNull()
    expect(readRef("https://shop.test/?ref=" + "A".repeat(65))).toBeNull()
    expect(normalizeCode("  ab")).toBeNull()
    expect(withoutRef("https://shop.test/p?ref=AB12CD34&x=1")).toBe("https://shop.test/p?x=1")
  })
})

describe("cookie adapters", () => {
  it("serializes and parses first-party cookies", () => {
    expect(serializeCookie("r", "A B", { maxAge: 86400.9, sameSite: "lax", secure: true })).toBe("r=A%20B; Max-Age=86400; Path=/; SameSite=Lax; Secure")
    expect(parseCookie("a=1; r=A%20B; b=2", "r")).toBe("A B")
    expect(parseCookie("a=1", "r")).toBeNull()
    expect(parseCookie(undefined, "r")).toBeNull()
  })

  it("browser cookies touch document only when used, and work with it", () => {
    const g = globalThis as { document?: { cookie: string } }
    const cookies = browserCookies() // no document here: creating the adapter is safe
    expect(cookies.get("r")).toBeNull()
    const writes: string[] = []
    g.document = {
      get cookie() {
        return "r=K7M2Q9XA"
      },
      set cookie(value: string) {
        writes.push(value)
      },
    }
    try {
      expect(cookies.get("r")).toBe("K7M2Q9XA")
      cookies.set("r", "AB12CD34", { maxAge: 60 })
      cookies.remove("r", { path: "/" })
      expect(writes).toEqual(["r=AB12CD34; Max-Age=60; Path=/; SameSite=Lax", "r=; Max-Age=0; Path=/; SameSite=Lax"])
    } finally {
      delete g.document
    }
  })

  it("Next.js cookies: read the request, write the response", () => {
    const written: [string, string, Record<string, unknown>][] = []
    const request = { get: (name: string) => (name === "r" ? { value: "K7M2Q9XA" } : undefined) }
    const response = { get: () => undefined, set: (n: string, v: string, o?: Record<string, unknown>) => void written.push([n, v, o ?? {}]), delete: () => undefined }
    const cookies = nextCookies(request, response)
    expect(cookies.get("r")).toBe("K7M2Q9XA")
    cookies.set("r", "AB12CD34", { maxAge: 60 })
    expect(written).toEqual([["r", "AB12CD34", { path: "/", sameSite: "lax", maxAge: 60, httpOnly: false }]])
  })

  it("plain servers: a Cookie header in, Set-Cookie values out", () => {
    const out: string[] = []
    const cookies = headerCookies("x=1; r=K7M2Q9XA", (v) => out.push(v))
    expect(cookies.get("r")).toBe("K7M2Q9XA")
    cookies.set("r", "AB12CD34", { maxAge: 10 })
    expect(cookies.get("r")).toBe("AB12CD34")
    cookies.remove("r", { path: "/" })
    expect(cookies.get("r")).toBeNull()
    expect(out).toEqual(["r=AB12CD34; Max-Age=10; Path=/; SameSite=Lax", "r=; Max-Age=0; Path=/; SameSite=Lax"])
  })
})

describe("share flow", () => {
  it("capture keeps a valid code for binding_days (asked once), ignores invalid codes and URLs without one", async () => {
    const { client, calls } = fakeClient()
    const cookies = memoryCookies()
    const flow = createShareFlow({ client, cookies })

    expect(await flow.capture("https://shop.test/")).toBeNull()
    expect(await flow.capture("https://shop.test/?ref=BAD23456")).toMatchObject({ valid: false, kept: false })
    expect(cookies.jar.size).toBe(0)
    expect(await flow.capture("https://shop.test/?ref=good2345")).toMatchObject({ code: "GOOD2345", valid: true, kept: true })
    expect(cookies.jar.get(REF_COOKIE)).toEqual({ value: "GOOD2345", options: { maxAge: 7 * DAY, path: "/", sameSite: "lax" } })
    // An invalid code later leaves the kept one alone; binding_days was read once.
    await flow.capture("https://shop.test/?ref=BAD23456")
    await flow.capture("https://shop.test/?ref=GOOD2345")
    expect(await flow.current()).toBe("GOOD2345")
    expect(calls.filter((c) => c === "config")).toHaveLength(1)
    expect(calls).not.toContain("code <script>")
  })

  it("falls back to 30 days when the config cannot be read, and asks again next time", async () => {
    const { client, calls } = fakeClient({ getConfig: async () => Promise.reject(httpError(500)) })
    const cookies = memoryCookies()
    const flow = createShareFlow({ client, cookies })
    await flow.capture("https://shop.test/?ref=GOOD2345")
    expect(cookies.jar.get(REF_COOKIE)?.options.maxAge).toBe(30 * DAY)
    await flow.capture("https://shop.test/?ref=GOOD2345")
    expect(calls.filter((c) => c.startsWith("code"))).toHaveLength(2)
  })

  it("attaches the kept code to a cart, and drops a code the server no longer takes", async () => {
    const { client, calls } = fakeClient()
    const flow = createShareFlow({ client, cookies: memoryCookies({ [REF_COOKIE]: "good2345" }), bindingDays: 5 })
    expect(await flow.attachToCart("cart_1")).toEqual({ id: "cart_1" })
    expect(calls).toEqual(["cart cart_1 GOOD2345"])

    const gone = createShareFlow({ client: fakeClient({ attachToCart: () => Promise.reject(httpError(404)) }).client, cookies: memoryCookies({ [REF_COOKIE]: "GOOD2345" }) })
    expect(await gone.attachToCart("cart_1")).toBeNull()
    expect(await gone.current()).toBeNull()

    const own = createShareFlow({ client: fakeClient({ attachToCart: () => Promise.reject(httpError(400, "You cannot use your own code")) }).client, cookies: memoryCookies({ [REF_COOKIE]: "GOOD2345" }) })
    expect(await own.attachToCart("cart_1")).toBeNull()
    expect(await own.current()).toBeNull()

    // A completed cart is no reason to forget the code: the next cart takes it.
    const done = createShareFlow({ client: fakeClient({ attachToCart: () => Promise.reject(httpError(400, "Cart cart_1 is already completed")) }).client, cookies: memoryCookies({ [REF_COOKIE]: "GOOD2345" }) })
    expect(await done.attachToCart("cart_1")).toBeNull()
    expect(await done.current()).toBe("GOOD2345")

    const broken = createShareFlow({ client: fakeClient({ attachToCart: () => Promise.reject(httpError(500)) }).client, cookies: memoryCookies({ [REF_COOKIE]: "GOOD2345" }) })
    await expect(broken.attachToCart("cart_1")).rejects.toMatchObject({ status: 500 })
    expect(await createShareFlow({ client, cookies: memoryCookies() }).attachToCart("cart_2")).toBeNull()
  })

  it("binds after login; an earlier binding that stays (400) keeps the code for carts", async () => {
    const { client, calls } = fakeClient()
    const flow = createShareFlow({ client, cookies: memoryCookies({ [REF_COOKIE]: "GOOD2345" }) })
    expect(await flow.bindCustomer({ authorization: "Bearer t" })).toEqual({ code: "GOOD2345" })
    expect(calls).toEqual(["bind GOOD2345"])

    const kept = createShareFlow({ client: fakeClient({ bind: () => Promise.reject(httpError(400, "You are already bound to another distributor")) }).client, cookies: memoryCookies({ [REF_COOKIE]: "GOOD2345" }) })
    expect(await kept.bindCustomer()).toBeNull()
    expect(await kept.current()).toBe("GOOD2345")

    const gone = createShareFlow({ client: fakeClient({ bind: () => Promise.reject(httpError(404)) }).client, cookies: memoryCookies({ [REF_COOKIE]: "GOOD2345" }) })
    expect(await gone.bindCustomer()).toBeNull()
    expect(await gone.current()).toBeNull()

    const loggedOut = createShareFlow({ client: fakeClient({ bind: () => Promise.reject(httpError(401)) }).client, cookies: memoryCookies({ [REF_COOKIE]: "GOOD2345" }) })
    await expect(loggedOut.bindCustomer()).rejects.toMatchObject({ status: 401 })
  })
})
