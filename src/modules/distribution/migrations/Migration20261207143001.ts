import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261207143001 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "distribution_distributor_stat" drop constraint if exists "distribution_distributor_stat_distributor_id_unique";`);
    this.addSql(`create table if not exists "distribution_distributor_stat" ("id" text not null, "distributor_id" text not null, "status" text null, "last_sale" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "distribution_distributor_stat_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_distributor_stat_deleted_at" ON "distribution_distributor_stat" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_distribution_distributor_stat_distributor_id_unique" ON "distribution_distributor_stat" ("distributor_id") WHERE deleted_at IS NULL;`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_commission_status_currency_code_amount" ON "distribution_commission" ("status", "currency_code", "amount") WHERE deleted_at IS NULL;`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_distributor_updated_at" ON "distribution_distributor" ("updated_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "distribution_distributor_stat" cascade;`);

    this.addSql(`drop index if exists "IDX_distribution_commission_status_currency_code_amount";`);

    this.addSql(`drop index if exists "IDX_distribution_distributor_updated_at";`);
  }

}
