import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261128231742 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "distribution_grade" drop constraint if exists "distribution_grade_rank_unique";`);
    this.addSql(`create table if not exists "distribution_campaign" ("id" text not null, "name" text not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "scope" text check ("scope" in ('all', 'product', 'category')) not null default 'all', "scope_ids" jsonb null, "multiplier" text null, "level_rates" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "distribution_campaign_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_campaign_deleted_at" ON "distribution_campaign" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_campaign_starts_at_ends_at" ON "distribution_campaign" ("starts_at", "ends_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "distribution_rule" ("id" text not null, "name" text null, "scope" text check ("scope" in ('product', 'category', 'collection', 'product_type')) not null, "scope_id" text not null, "kind" text check ("kind" in ('rate', 'fixed', 'none')) not null, "level_values" jsonb not null, "currency_code" text null, "priority" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "distribution_rule_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_rule_deleted_at" ON "distribution_rule" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_rule_scope_scope_id" ON "distribution_rule" ("scope", "scope_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "distribution_grade" ("id" text not null, "name" text not null, "rank" integer not null, "level_rates" jsonb not null, "conditions" jsonb null, "customer_group_id" text null, "can_view_team" boolean not null default true, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "distribution_grade_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_grade_deleted_at" ON "distribution_grade" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_distribution_grade_rank_unique" ON "distribution_grade" ("rank") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "distribution_sales_tier" ("id" text not null, "name" text not null, "currency_code" text not null, "min_sales" numeric not null, "level_rates" jsonb not null, "raw_min_sales" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "distribution_sales_tier_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_sales_tier_deleted_at" ON "distribution_sales_tier" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_sales_tier_currency_code_min_sales" ON "distribution_sales_tier" ("currency_code", "min_sales") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "distribution_commission" add column if not exists "base_amount" numeric null, add column if not exists "raw_base_amount" jsonb null;`);

    this.addSql(`alter table if exists "distribution_order_attribution" add column if not exists "line_terms" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "distribution_campaign" cascade;`);

    this.addSql(`drop table if exists "distribution_rule" cascade;`);

    this.addSql(`drop table if exists "distribution_grade" cascade;`);

    this.addSql(`drop table if exists "distribution_sales_tier" cascade;`);

    this.addSql(`alter table if exists "distribution_commission" drop column if exists "base_amount", drop column if exists "raw_base_amount";`);

    this.addSql(`alter table if exists "distribution_order_attribution" drop column if exists "line_terms";`);
  }

}
