import { MedusaRequest } from "@medusajs/framework/http"
import { createHmac } from "crypto"
import { clientIp } from "./rate-limits/middleware"

/**
 * Known to everyone who reads this code: fine for development and tests, useless as
 * protection. Production sets `DISTRIBUTION_VISIT_SALT` to a long random secret.
 */
export const DEV_VISIT_SALT = "medusa-plugin-distribution-dev-salt"

/** Minutes in which one visitor counts once per code (`DISTRIBUTION_VISIT_WINDOW_MINUTES`, default 30). */
export const visitWindowMinutes = () => {
  const minutes = Number(process.env.DISTRIBUTION_VISIT_WINDOW_MINUTES || 30)
  return Number.isFinite(minutes) && minutes >= 1 ? minutes : 30
}

/**
 * Who a visitor is, without keeping who they are: an HMAC-SHA256 of their IP and user
 * agent under a secret salt. The same visitor gives the same hash (so repeats are counted
 * once); neither value can be read back from it.
 */
export function visitorHash(req: MedusaRequest, salt = process.env.DISTRIBUTION_VISIT_SALT || DEV_VISIT_SALT): string {
  const userAgent = req.get("user-agent") ?? ""
  return createHmac("sha256", salt).update(`${clientIp(req)}\n${userAgent}`).digest("hex")
}
