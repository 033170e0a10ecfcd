import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261207141140 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "distribution_last_sale" drop constraint if exists "distribution_last_sale_distributor_id_unique";`);
    this.addSql(`create table if not exists "distribution_last_sale" ("id" text not null, "distributor_id" text not null, "day" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "distribution_last_sale_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_last_sale_deleted_at" ON "distribution_last_sale" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_distribution_last_sale_distributor_id_unique" ON "distribution_last_sale" ("distributor_id") WHERE deleted_at IS NULL;`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_commission_status_currency_code_amount" ON "distribution_commission" ("status", "currency_code", "amount") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "distribution_last_sale" cascade;`);

    this.addSql(`drop index if exists "IDX_distribution_commission_status_currency_code_amount";`);
  }

}
