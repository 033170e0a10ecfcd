import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261128205229 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "distribution_wallet_account" drop constraint if exists "distribution_wallet_account_distributor_id_currency_code_unique";`);
    this.addSql(`create table if not exists "distribution_wallet_account" ("id" text not null, "distributor_id" text not null, "currency_code" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "distribution_wallet_account_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_wallet_account_deleted_at" ON "distribution_wallet_account" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_distribution_wallet_account_distributor_id_currency_code_unique" ON "distribution_wallet_account" ("distributor_id", "currency_code") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "distribution_wallet_account" cascade;`);
  }

}
