/** Where the store's Medusa server is: written at run time by the server of this app (`/config.js`), else Vite's env at build time. */
type RuntimeConfig = { backendUrl?: string; publishableKey?: string }

const runtime: RuntimeConfig = (globalThis as { __MEDUSA_STOREFRONT__?: RuntimeConfig }).__MEDUSA_STOREFRONT__ ?? {}

export const BACKEND_URL = runtime.backendUrl ?? import.meta.env.VITE_MEDUSA_BACKEND_URL ?? "http://localhost:9000"
export const PUBLISHABLE_KEY = runtime.publishableKey ?? import.meta.env.VITE_MEDUSA_PUBLISHABLE_KEY ?? ""
