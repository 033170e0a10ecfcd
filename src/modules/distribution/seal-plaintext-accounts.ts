import { protectAccount } from "./account-crypto"

type Execute = (sql: string, params?: unknown[]) => Promise<unknown>

/** Seals, in pages, every withdrawal whose account is still plaintext. */
export async function encryptPlaintextAccounts(execute: Execute): Promise<number> {
  let done = 0
  for (;;) {
    const rows = (await execute(
      `select id, account from "distribution_withdrawal" where account_encrypted is null order by id limit 500`
    )) as { id: string; account: Record<string, unknown> | string | null }[]
    if (!rows.length) return done
    for (const row of rows) {
      const plain = typeof row.account === "string" ? JSON.parse(row.account) : (row.account ?? {})
      const sealed = protectAccount(plain)
      await execute(
        `update "distribution_withdrawal" set account = ?::jsonb, account_encrypted = ?, account_key_id = ? where id = ?`,
        [JSON.stringify(sealed.account), sealed.account_encrypted, sealed.account_key_id, row.id]
      )
    }
    done += rows.length
  }
}
