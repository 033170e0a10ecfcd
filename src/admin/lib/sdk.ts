import Medusa from "@medusajs/js-sdk"

/** The admin's own session: plugin pages call the plugin's admin API through it. */
export const sdk = new Medusa({
  baseUrl: "/",
  auth: { type: "session" },
})
