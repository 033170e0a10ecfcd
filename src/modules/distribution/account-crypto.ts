/**
 * Withdrawal accounts at rest: AES-256-GCM (node:crypto) with keys from the environment.
 *
 * `DISTRIBUTION_ACCOUNT_KEYS=kid:base64key[,kid:base64key…]` — 32-byte keys, the first is
 * the current one (new rows, rotation), the others only decrypt. Every sealed value carries
 * its key id, so a key can be retired once the rotation job has re-sealed its rows.
 * Without the variable, development and test use a fixed, public key (and say so loudly);
 * any other NODE_ENV refuses to seal or open an account.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto"

export const ACCOUNT_KEYS_ENV = "DISTRIBUTION_ACCOUNT_KEYS"
/** The key id of the development key: rows sealed with it must be rotated before going live. */
export const DEV_KEY_ID = "dev"
/** Public on purpose (it is in the source): for development and tests only. */
export const DEV_KEY = createHash("sha256").update("medusa-plugin-distribution development key - NOT SECRET").digest()

export type Keyring = { current: string; keys: Map<string, Buffer>; development: boolean }

export class AccountKeysError extends Error {}

let cached: { source: string | undefined; env: string | undefined; ring: Keyring } | null = null
let warned = false

/** The keys in force, read from the environment (re-read when it changes, e.g. after a rotation). */
export function accountKeyring(): Keyring {
  const source = process.env[ACCOUNT_KEYS_ENV]
  const env = process.env.NODE_ENV
  if (cached && cached.source === source && cached.env === env) return cached.ring
  const ring = source?.trim() ? parseKeyring(source) : developmentKeyring(env)
  cached = { source, env, ring }
  return ring
}

export function parseKeyring(source: string): Keyring {
  const keys = new Map<string, Buffer>()
  let current = ""
  for (const part of source.split(",").map((p) => p.trim()).filter(Boolean)) {
    const at = part.indexOf(":")
    const kid = at > 0 ? part.slice(0, at) : ""
    if (!/^[A-Za-z0-9_-]{1,32}$/.test(kid)) {
      throw new AccountKeysError(`${ACCOUNT_KEYS_ENV}: "${part.slice(0, 8)}…" is not kid:base64key (a key id of letters, digits, _ or -)`)
    }
    const key = Buffer.from(part.slice(at + 1), "base64")
    if (key.length !== 32) {
      throw new AccountKeysError(`${ACCOUNT_KEYS_ENV}: key "${kid}" is ${key.length} bytes; AES-256 needs 32 (openssl rand -base64 32)`)
    }
    if (keys.has(kid)) throw new AccountKeysError(`${ACCOUNT_KEYS_ENV}: key id "${kid}" appears twice`)
    keys.set(kid, key)
    current ||= kid
  }
  if (!current) throw new AccountKeysError(`${ACCOUNT_KEYS_ENV} holds no key`)
  return { current, keys, development: false }
}

function developmentKeyring(env: string | undefined): Keyring {
  if (env !== "development" && env !== "test") {
    throw new AccountKeysError(
      `${ACCOUNT_KEYS_ENV} is not set: withdrawal accounts cannot be encrypted. Set it to kid:base64key ` +
        `(e.g. "k1:$(openssl rand -base64 32)") and restart; see the README, "Wallet and audit".`
    )
  }
  if (!warned) {
    warned = true
    console.warn(
      `\n[distribution] WARNING: ${ACCOUNT_KEYS_ENV} is not set; withdrawal accounts are encrypted with the PUBLIC ` +
        `development key "${DEV_KEY_ID}". Never use this outside development and tests.\n`
    )
  }
  return { current: DEV_KEY_ID, keys: new Map([[DEV_KEY_ID, DEV_KEY]]), development: true }
}

/** `v1.<kid>.<iv>.<tag>.<ciphertext>` (base64url parts): the account as JSON, sealed with the current key. */
export function sealAccount(account: Record<string, unknown>, ring = accountKeyring()): { sealed: string; key_id: string } {
  const key = ring.keys.get(ring.current)!
  const iv = randomBytes(12)
  const cipher = createCipheriv("aes-256-gcm", key, iv)
  const data = Buffer.concat([cipher.update(JSON.stringify(account), "utf8"), cipher.final()])
  const parts = [iv, cipher.getAuthTag(), data].map((b) => b.toString("base64url"))
  return { sealed: ["v1", ring.current, ...parts].join("."), key_id: ring.current }
}

export function openAccount(sealed: string, ring = accountKeyring()): Record<string, unknown> {
  const [version, kid, iv, tag, data] = sealed.split(".")
  if (version !== "v1" || !data) throw new AccountKeysError("An account is sealed in an unknown format")
  const key = ring.keys.get(kid)
  if (!key) {
    throw new AccountKeysError(`An account is sealed with key "${kid}", which ${ACCOUNT_KEYS_ENV} no longer holds: add it back (after the current key) and run the rotation`)
  }
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"))
  decipher.setAuthTag(Buffer.from(tag, "base64url"))
  const plain = Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()])
  return JSON.parse(plain.toString("utf8"))
}

/** `****6789`: the last four characters of an account number or id; an email keeps its first letter and domain. */
export function maskValue(value: string): string {
  const v = value.trim()
  const at = v.lastIndexOf("@")
  if (at > 0) return `${v[0]}***${v.slice(at)}`
  return v.length > 4 ? `****${v.slice(-4)}` : "****"
}

const SECRET_FIELDS = new Set(["account_number", "account", "email"])

/** The account as responses and exports show it: numbers, ids and emails masked; names and bank kept. */
export function maskAccount(account: Record<string, unknown> | null | undefined): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(account ?? {}).map(([field, value]) => [field, SECRET_FIELDS.has(field) && typeof value === "string" ? maskValue(value) : value])
  )
}

/** What a withdrawal row stores: the masked view in `account`, the real one only sealed. */
export function protectAccount(account: Record<string, unknown>, ring = accountKeyring()) {
  const { sealed, key_id } = sealAccount(account, ring)
  return { account: maskAccount(account), account_encrypted: sealed, account_key_id: key_id }
}
