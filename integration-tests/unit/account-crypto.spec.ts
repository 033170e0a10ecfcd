/** Withdrawal accounts at rest: the keyring from the environment, AES-256-GCM sealing, masking. */
import { randomBytes } from "node:crypto"
import {
  accountKeyring,
  AccountKeysError,
  ACCOUNT_KEYS_ENV,
  DEV_KEY_ID,
  maskAccount,
  maskValue,
  openAccount,
  parseKeyring,
  protectAccount,
  sealAccount,
} from "../../src/modules/distribution/account-crypto"

const key = () => randomBytes(32).toString("base64")

describe("account encryption", () => {
  const saved = { keys: process.env[ACCOUNT_KEYS_ENV], env: process.env.NODE_ENV }
  afterEach(() => {
    if (saved.keys === undefined) delete process.env[ACCOUNT_KEYS_ENV]
    else process.env[ACCOUNT_KEYS_ENV] = saved.keys
    process.env.NODE_ENV = saved.env
  })

  it("reads kid:base64key pairs, the first one current, and refuses malformed ones", () => {
    const ring = parseKeyring(`k2:${key()}, k1:${key()}`)
    expect(ring.current).toBe("k2")
    expect([...ring.keys.keys()]).toEqual(["k2", "k1"])
    expect(() => parseKeyring(`k1:${randomBytes(16).toString("base64")}`)).toThrow('key "k1" is 16 bytes; AES-256 needs 32')
    expect(() => parseKeyring(`bad id:${key()}`)).toThrow(AccountKeysError)
    expect(() => parseKeyring(`${key()}`)).toThrow(AccountKeysError)
    expect(() => parseKeyring(`k1:${key()},k1:${key()}`)).toThrow('key id "k1" appears twice')
    expect(() => parseKeyring(" , ")).toThrow("holds no key")
  })

  it("uses the public development key only in development and test, and refuses elsewhere", () => {
    delete process.env[ACCOUNT_KEYS_ENV]
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined)
    for (const env of ["development", "test"]) {
      process.env.NODE_ENV = env
      expect(accountKeyring()).toMatchObject({ current: DEV_KEY_ID, development: true })
    }
    warn.mockRestore()
    for (const env of ["production", "staging", ""]) {
      process.env.NODE_ENV = env
      expect(() => accountKeyring()).toThrow(`${ACCOUNT_KEYS_ENV} is not set`)
    }
    process.env.NODE_ENV = "production"
    process.env[ACCOUNT_KEYS_ENV] = `live:${key()}`
    expect(accountKeyring()).toMatchObject({ current: "live", development: false })
  })

  it("seals with the current key, opens with any key of the ring, and detects tampering", () => {
    const old = parseKeyring(`k1:${key()}`)
    const account = { account_name: "张三", account_number: "6222021234567896789", bank_name: "工商银行" }
    const { sealed, key_id } = sealAccount(account, old)
    expect(key_id).toBe("k1")
    expect(sealed).toMatch(/^v1\.k1\./)
    expect(sealed).not.toContain("6789")
    expect(openAccount(sealed, old)).toEqual(account)
    // Same plaintext, new IV: never the same ciphertext twice.
    expect(sealAccount(account, old).sealed).not.toBe(sealed)

    const rotated = parseKeyring(`k2:${key()},k1:${old.keys.get("k1")!.toString("base64")}`)
    expect(openAccount(sealed, rotated)).toEqual(account)
    expect(() => openAccount(sealed, parseKeyring(`k2:${key()}`))).toThrow('sealed with key "k1", which DISTRIBUTION_ACCOUNT_KEYS no longer holds')

    const parts = sealed.split(".")
    const data = Buffer.from(parts[4], "base64url")
    data[0] ^= 1
    parts[4] = data.toString("base64url")
    expect(() => openAccount(parts.join("."), old)).toThrow()
  })

  it("masks account numbers to their last four and emails to their first letter and domain, idempotently", () => {
    expect(maskValue("6222021234567896789")).toBe("****6789")
    expect(maskValue("13800138000")).toBe("****8000")
    expect(maskValue("abc")).toBe("****")
    expect(maskValue("zhang.san@example.cn")).toBe("z***@example.cn")
    expect(maskValue("****6789")).toBe("****6789")
    expect(maskValue("z***@example.cn")).toBe("z***@example.cn")
    expect(maskAccount({ account_name: "张三", account_number: "6222021234567896789", bank_name: "工商银行" })).toEqual({
      account_name: "张三",
      account_number: "****6789",
      bank_name: "工商银行",
    })
    expect(maskAccount({ account: "wxid_abcdef1234", name: "李四" })).toEqual({ account: "****1234", name: "李四" })
    expect(maskAccount({ email: "me@test.local" })).toEqual({ email: "m***@test.local" })
    const stored = protectAccount({ email: "me@test.local" }, parseKeyring(`k1:${key()}`))
    expect(stored).toMatchObject({ account: { email: "m***@test.local" }, account_key_id: "k1" })
    expect(JSON.stringify(stored)).not.toContain("me@test.local")
  })
})
