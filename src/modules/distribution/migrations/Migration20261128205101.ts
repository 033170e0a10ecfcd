import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261128205101 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "distribution_code_visit" drop constraint if exists "distribution_code_visit_code_visitor_hash_window_start_unique";`);
    this.addSql(`alter table if exists "distribution_repurchase_reminder" drop constraint if exists "distribution_repurchase_reminder_customer_id_last_order_id_unique";`);
    this.addSql(`alter table if exists "distribution_cart_code" drop constraint if exists "distribution_cart_code_cart_id_unique";`);
    this.addSql(`create table if not exists "distribution_cart_code" ("id" text not null, "cart_id" text not null, "code" text not null, "distributor_id" text not null, "share_link_id" text null, "product_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "distribution_cart_code_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_cart_code_deleted_at" ON "distribution_cart_code" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_distribution_cart_code_cart_id_unique" ON "distribution_cart_code" ("cart_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_cart_code_distributor_id" ON "distribution_cart_code" ("distributor_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "distribution_repurchase_reminder" ("id" text not null, "customer_id" text not null, "distributor_id" text not null, "last_order_id" text not null, "interval_days" integer not null, "due_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "distribution_repurchase_reminder_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_repurchase_reminder_deleted_at" ON "distribution_repurchase_reminder" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_distribution_repurchase_reminder_customer_id_last_order_id_unique" ON "distribution_repurchase_reminder" ("customer_id", "last_order_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "distribution_code_visit" add column if not exists "share_link_id" text null, add column if not exists "visitor_hash" text null, add column if not exists "window_start" timestamptz null;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_distribution_code_visit_code_visitor_hash_window_start_unique" ON "distribution_code_visit" ("code", "visitor_hash", "window_start") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "distribution_cart_code" cascade;`);

    this.addSql(`drop table if exists "distribution_repurchase_reminder" cascade;`);

    this.addSql(`drop index if exists "IDX_distribution_code_visit_code_visitor_hash_window_start_unique";`);
    this.addSql(`alter table if exists "distribution_code_visit" drop column if exists "share_link_id", drop column if exists "visitor_hash", drop column if exists "window_start";`);
  }

}
