/**
 * Cookie storage for the share flow, behind a small adapter so the same helpers run in
 * the browser, in Next.js middleware, server actions and route handlers, or anywhere else.
 * Nothing here touches `document` until a method is called.
 */
export type CookieOptions = {
  /** Seconds until the cookie expires. */
  maxAge?: number
  path?: string
  sameSite?: "lax" | "strict" | "none"
  secure?: boolean
}

export interface CookieAdapter {
  get(name: string): string | null | undefined | Promise<string | null | undefined>
  set(name: string, value: string, options: CookieOptions): void | Promise<void>
  remove(name: string, options: Pick<CookieOptions, "path">): void | Promise<void>
}

/** `name=value; Max-Age=…; Path=/; SameSite=Lax` (and `Secure`): a `Set-Cookie` or `document.cookie` string. */
export function serializeCookie(name: string, value: string, options: CookieOptions = {}): string {
  const parts = [`${name}=${encodeURIComponent(value)}`]
  if (options.maxAge !== undefined) parts.push(`Max-Age=${Math.floor(options.maxAge)}`)
  parts.push(`Path=${options.path ?? "/"}`)
  parts.push(`SameSite=${(options.sameSite ?? "lax").replace(/^./, (c) => c.toUpperCase())}`)
  if (options.secure) parts.push("Secure")
  return parts.join("; ")
}

/** The value of `name` in a `Cookie` header (or `document.cookie`), or null. */
export function parseCookie(header: string | null | undefined, name: string): string | null {
  for (const part of (header ?? "").split(";")) {
    const index = part.indexOf("=")
    if (index < 0) continue
    if (part.slice(0, index).trim() === name) {
      try {
        return decodeURIComponent(part.slice(index + 1).trim())
      } catch {
        return null
      }
    }
  }
  return null
}

/** First-party cookies of the page (`document.cookie`); `Secure` on https pages. */
export function browserCookies(): CookieAdapter {
  const doc = () => (globalThis as { document?: { cookie: string } }).document
  const secure = () => (globalThis as { location?: { protocol?: string } }).location?.protocol === "https:"
  return {
    get: (name) => parseCookie(doc()?.cookie, name),
    set: (name, value, options) => {
      const d = doc()
      if (d) d.cookie = serializeCookie(name, value, { secure: secure(), ...options })
    },
    remove: (name, options) => {
      const d = doc()
      if (d) d.cookie = serializeCookie(name, "", { ...options, maxAge: 0 })
    },
  }
}

/** The shape of Next.js's `cookies()` (server actions, route handlers) and of `request.cookies` / `response.cookies` in middleware. */
export type NextCookieStore = {
  get(name: string): { value: string } | undefined
  set?(name: string, value: string, options?: { maxAge?: number; path?: string; sameSite?: "lax" | "strict" | "none"; secure?: boolean; httpOnly?: boolean }): unknown
  delete?(name: string): unknown
}

/**
 * Next.js cookies: `nextCookies(await cookies())` in a server action, or
 * `nextCookies(request.cookies, response.cookies)` in middleware (read the request, write the response).
 * The cookie stays readable by the page's own script (`httpOnly: false`), which the browser helpers need.
 */
export function nextCookies(read: NextCookieStore, write: NextCookieStore = read): CookieAdapter {
  return {
    get: (name) => read.get(name)?.value ?? null,
    set: (name, value, options) => {
      write.set?.(name, value, { path: "/", sameSite: "lax", ...options, httpOnly: false })
    },
    remove: (name) => {
      write.delete?.(name)
    },
  }
}

/**
 * Any server: read from a request's `Cookie` header, and hand each `Set-Cookie` value to
 * `setCookie` (e.g. `(value) => res.append("Set-Cookie", value)`).
 */
export function headerCookies(cookieHeader: string | null | undefined, setCookie: (value: string) => void): CookieAdapter {
  const written = new Map<string, string | null>()
  return {
    get: (name) => (written.has(name) ? written.get(name) : parseCookie(cookieHeader, name)),
    set: (name, value, options) => {
      written.set(name, value)
      setCookie(serializeCookie(name, value, options))
    },
    remove: (name, options) => {
      written.set(name, null)
      setCookie(serializeCookie(name, "", { ...options, maxAge: 0 }))
    },
  }
}

/** Cookies kept in a Map: for tests, or a server that keeps its own session. */
export function memoryCookies(initial: Record<string, string> = {}): CookieAdapter & { jar: Map<string, { value: string; options: CookieOptions }> } {
  const jar = new Map(Object.entries(initial).map(([k, v]) => [k, { value: v, options: {} as CookieOptions }]))
  return {
    jar,
    get: (name) => jar.get(name)?.value ?? null,
    set: (name, value, options) => void jar.set(name, { value, options }),
    remove: (name) => void jar.delete(name),
  }
}
