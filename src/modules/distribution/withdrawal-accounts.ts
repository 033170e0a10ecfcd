import { z } from "@medusajs/framework/zod"
import { safeText } from "./input-limits"
import { WITHDRAWAL_METHODS } from "./settings"

export type WithdrawalMethod = (typeof WITHDRAWAL_METHODS)[number]

const field = (max: number) => safeText({ min: 1, max })

const PHONE = /^\+?\d{6,20}$/
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** What each payout method needs to know to pay (DESIGN §3); every field non-blank, sane characters, unknown fields refused. */
export const WITHDRAWAL_ACCOUNT_SHAPES = {
  bank_transfer: z.strictObject({
    account_name: field(100),
    // Card numbers and IBANs: 6–34 letters and digits; spaces and dashes as people type them are dropped.
    account_number: field(64)
      .transform((v) => v.replace(/[\s-]/g, ""))
      .pipe(z.string().regex(/^[A-Za-z0-9]{6,34}$/, "must be 6–34 letters and digits")),
    bank_name: field(100),
  }),
  alipay: z.strictObject({
    account: field(100).refine((v) => PHONE.test(v) || EMAIL.test(v), "must be a phone number or an email"),
    name: field(100),
  }),
  wechat: z.strictObject({
    account: field(100).refine((v) => /^[A-Za-z][A-Za-z0-9_-]{5,19}$/.test(v) || PHONE.test(v), "must be a WeChat ID or phone number"),
    name: field(100),
  }),
  paypal: z.strictObject({ email: field(254).pipe(z.email("must be an email address")) }),
  store_credit: z.strictObject({}),
} satisfies Record<WithdrawalMethod, z.ZodType>

export type WithdrawalAccountProblem = { path: string; message: string }

/**
 * The account, cleaned (trimmed), or what is wrong with it, one message per field,
 * each naming the field (`account.bank_name must not be blank`).
 */
export function parseWithdrawalAccount(
  method: WithdrawalMethod,
  account: unknown
): { account: Record<string, string>; problems: null } | { account: null; problems: WithdrawalAccountProblem[] } {
  const shape = WITHDRAWAL_ACCOUNT_SHAPES[method]
  const fields = Object.keys(shape.shape)
  const takes = fields.length ? `${method} takes ${fields.join(", ")}` : `${method} takes no account fields ({})`
  if (!account || typeof account !== "object" || Array.isArray(account)) {
    return { account: null, problems: [{ path: "account", message: `account must be an object: ${takes}` }] }
  }
  const result = shape.safeParse(account)
  if (result.success) return { account: result.data as Record<string, string>, problems: null }
  const problems = result.error.issues.map((issue) => {
    const path = ["account", ...issue.path.map(String)].join(".")
    const given = (account as Record<string, unknown>)[String(issue.path[0])]
    switch (issue.code) {
      case "unrecognized_keys":
        return { path, message: `account: unknown field(s) ${issue.keys.join(", ")}; ${takes}` }
      case "too_small":
        return { path, message: `${path} must not be blank (${takes})` }
      case "too_big":
        return { path, message: `${path} is too long: at most ${issue.maximum} characters` }
      case "invalid_type":
        return { path, message: given === undefined ? `${path} is required (${takes})` : `${path} must be text` }
      default: {
        // safeText names the field from inside the account object: name it from the body.
        const inner = issue.path.map(String).join(".")
        return { path, message: inner && issue.message.startsWith(`${inner} `) ? `account.${issue.message}` : `${path} ${issue.message}` }
      }
    }
  })
  return { account: null, problems }
}
