import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261207040300 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "distribution_daily_stat" drop constraint if exists "distribution_daily_stat_scope_day_scope_key_currency_code_unique";`);
    this.addSql(`create table if not exists "distribution_daily_stat" ("id" text not null, "day" timestamptz not null, "scope" text check ("scope" in ('all', 'level', 'seller', 'earner')) not null, "scope_key" text not null, "currency_code" text not null, "orders" integer not null default 0, "gmv" numeric not null default 0, "commissions" integer not null default 0, "accrued" numeric not null default 0, "reversed" numeric not null default 0, "settled" numeric not null default 0, "ledger" numeric not null default 0, "withdrawn" numeric not null default 0, "visits" integer not null default 0, "carts" integer not null default 0, "raw_gmv" jsonb not null default '{"value":"0","precision":20}', "raw_accrued" jsonb not null default '{"value":"0","precision":20}', "raw_reversed" jsonb not null default '{"value":"0","precision":20}', "raw_settled" jsonb not null default '{"value":"0","precision":20}', "raw_ledger" jsonb not null default '{"value":"0","precision":20}', "raw_withdrawn" jsonb not null default '{"value":"0","precision":20}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "distribution_daily_stat_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_daily_stat_deleted_at" ON "distribution_daily_stat" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_distribution_daily_stat_scope_day_scope_key_currency_code_unique" ON "distribution_daily_stat" ("scope", "day", "scope_key", "currency_code") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_daily_stat_scope_scope_key_day" ON "distribution_daily_stat" ("scope", "scope_key", "day") WHERE deleted_at IS NULL;`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_cart_code_created_at" ON "distribution_cart_code" ("created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_code_visit_created_at" ON "distribution_code_visit" ("created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_commission_created_at" ON "distribution_commission" ("created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_commission_adjustment_created_at" ON "distribution_commission_adjustment" ("created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_distributor_created_at" ON "distribution_distributor" ("created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_ledger_entry_created_at" ON "distribution_ledger_entry" ("created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_order_attribution_created_at" ON "distribution_order_attribution" ("created_at") WHERE deleted_at IS NULL AND distributor_id IS NOT NULL;`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_withdrawal_paid_at" ON "distribution_withdrawal" ("paid_at") WHERE deleted_at IS NULL AND paid_at IS NOT NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "distribution_daily_stat" cascade;`);

    this.addSql(`drop index if exists "IDX_distribution_cart_code_created_at";`);

    this.addSql(`drop index if exists "IDX_distribution_code_visit_created_at";`);

    this.addSql(`drop index if exists "IDX_distribution_commission_created_at";`);

    this.addSql(`drop index if exists "IDX_distribution_commission_adjustment_created_at";`);

    this.addSql(`drop index if exists "IDX_distribution_distributor_created_at";`);

    this.addSql(`drop index if exists "IDX_distribution_ledger_entry_created_at";`);

    this.addSql(`drop index if exists "IDX_distribution_order_attribution_created_at";`);

    this.addSql(`drop index if exists "IDX_distribution_withdrawal_paid_at";`);
  }

}
