import { Migration } from "@medusajs/framework/mikro-orm/migrations";
import { encryptPlaintextAccounts } from "../seal-plaintext-accounts";

/**
 * Withdrawal accounts encrypted at rest: two columns, then every row stored before them is
 * sealed with the current key and its `account` replaced by the masked copy. Without
 * DISTRIBUTION_ACCOUNT_KEYS outside development and test, the migration refuses (there is
 * plaintext to protect) and says how to set the key; with no rows, it needs no key.
 */
export class Migration20261207031519 extends Migration {

  override async up(): Promise<void> {
    await this.execute(`alter table if exists "distribution_withdrawal" add column if not exists "account_encrypted" text null, add column if not exists "account_key_id" text null;`);
    await this.execute(`CREATE INDEX IF NOT EXISTS "IDX_distribution_withdrawal_account_key_id" ON "distribution_withdrawal" ("account_key_id") WHERE deleted_at IS NULL;`);
    await encryptPlaintextAccounts((sql, params) => this.execute(sql, params));
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_distribution_withdrawal_account_key_id";`);
    this.addSql(`alter table if exists "distribution_withdrawal" drop column if exists "account_encrypted", drop column if exists "account_key_id";`);
  }

}
