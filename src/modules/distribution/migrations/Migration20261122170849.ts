import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261122170849 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "distribution_team_path" drop constraint if exists "distribution_team_path_ancestor_id_descendant_id_unique";`);
    this.addSql(`alter table if exists "distribution_share_link" drop constraint if exists "distribution_share_link_distributor_id_product_id_unique";`);
    this.addSql(`alter table if exists "distribution_share_link" drop constraint if exists "distribution_share_link_code_unique";`);
    this.addSql(`alter table if exists "distribution_setting" drop constraint if exists "distribution_setting_key_unique";`);
    this.addSql(`alter table if exists "distribution_order_attribution" drop constraint if exists "distribution_order_attribution_order_id_unique";`);
    this.addSql(`alter table if exists "distribution_ledger_entry" drop constraint if exists "distribution_ledger_entry_type_reference_id_unique";`);
    this.addSql(`alter table if exists "distribution_distributor" drop constraint if exists "distribution_distributor_code_unique";`);
    this.addSql(`alter table if exists "distribution_distributor" drop constraint if exists "distribution_distributor_customer_id_unique";`);
    this.addSql(`alter table if exists "distribution_commission" drop constraint if exists "distribution_commission_order_id_level_unique";`);
    this.addSql(`alter table if exists "distribution_binding" drop constraint if exists "distribution_binding_customer_id_unique";`);
    this.addSql(`create table if not exists "distribution_binding" ("id" text not null, "customer_id" text not null, "distributor_id" text not null, "code" text not null, "source" text check ("source" in ('link', 'code', 'cart', 'order', 'admin')) not null default 'code', "bound_at" timestamptz not null, "expires_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "distribution_binding_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_binding_deleted_at" ON "distribution_binding" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_distribution_binding_customer_id_unique" ON "distribution_binding" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_binding_distributor_id" ON "distribution_binding" ("distributor_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "distribution_code_visit" ("id" text not null, "code" text not null, "distributor_id" text not null, "product_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "distribution_code_visit_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_code_visit_deleted_at" ON "distribution_code_visit" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_code_visit_distributor_id" ON "distribution_code_visit" ("distributor_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "distribution_commission" ("id" text not null, "order_id" text not null, "distributor_id" text not null, "level" integer not null, "status" text check ("status" in ('pending', 'frozen', 'settled', 'canceled')) not null default 'pending', "currency_code" text not null, "amount" numeric not null, "accrued_amount" numeric not null, "reversed_amount" numeric not null default 0, "lines" jsonb not null, "available_at" timestamptz null, "settled_at" timestamptz null, "raw_amount" jsonb not null, "raw_accrued_amount" jsonb not null, "raw_reversed_amount" jsonb not null default '{"value":"0","precision":20}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "distribution_commission_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_commission_deleted_at" ON "distribution_commission" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_distribution_commission_order_id_level_unique" ON "distribution_commission" ("order_id", "level") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_commission_distributor_id_status" ON "distribution_commission" ("distributor_id", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_commission_status_available_at" ON "distribution_commission" ("status", "available_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "distribution_commission_adjustment" ("id" text not null, "commission_id" text not null, "order_id" text not null, "amount" numeric not null, "reason" text not null, "source_id" text null, "lines" jsonb null, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "distribution_commission_adjustment_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_commission_adjustment_deleted_at" ON "distribution_commission_adjustment" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_commission_adjustment_commission_id" ON "distribution_commission_adjustment" ("commission_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "distribution_distributor" ("id" text not null, "customer_id" text not null, "code" text not null, "status" text check ("status" in ('pending', 'active', 'rejected', 'suspended')) not null default 'pending', "parent_id" text null, "grade_id" text null, "display_name" text null, "status_reason" text null, "approved_at" timestamptz null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "distribution_distributor_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_distributor_deleted_at" ON "distribution_distributor" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_distribution_distributor_customer_id_unique" ON "distribution_distributor" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_distribution_distributor_code_unique" ON "distribution_distributor" ("code") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_distributor_parent_id" ON "distribution_distributor" ("parent_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_distributor_status" ON "distribution_distributor" ("status") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "distribution_ledger_entry" ("id" text not null, "distributor_id" text not null, "currency_code" text not null, "amount" numeric not null, "type" text check ("type" in ('settlement', 'clawback', 'commission_adjustment', 'withdrawal', 'withdrawal_reversal', 'admin_adjustment')) not null, "reference_id" text null, "note" text null, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "distribution_ledger_entry_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_ledger_entry_deleted_at" ON "distribution_ledger_entry" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_distribution_ledger_entry_type_reference_id_unique" ON "distribution_ledger_entry" ("type", "reference_id") WHERE deleted_at IS NULL AND reference_id IS NOT NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_ledger_entry_distributor_id_currency_code" ON "distribution_ledger_entry" ("distributor_id", "currency_code") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "distribution_order_attribution" ("id" text not null, "order_id" text not null, "customer_id" text null, "distributor_id" text null, "code" text null, "source" text check ("source" in ('binding', 'cart_code', 'self')) null, "currency_code" text not null, "terms" jsonb not null, "max_total_rate" text not null, "lines" jsonb not null, "triggered_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "distribution_order_attribution_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_order_attribution_deleted_at" ON "distribution_order_attribution" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_distribution_order_attribution_order_id_unique" ON "distribution_order_attribution" ("order_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "distribution_setting" ("id" text not null, "key" text not null, "values" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "distribution_setting_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_setting_deleted_at" ON "distribution_setting" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_distribution_setting_key_unique" ON "distribution_setting" ("key") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "distribution_setting_change" ("id" text not null, "changes" jsonb not null, "actor_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "distribution_setting_change_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_setting_change_deleted_at" ON "distribution_setting_change" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "distribution_share_link" ("id" text not null, "distributor_id" text not null, "product_id" text not null, "code" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "distribution_share_link_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_share_link_deleted_at" ON "distribution_share_link" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_distribution_share_link_code_unique" ON "distribution_share_link" ("code") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_distribution_share_link_distributor_id_product_id_unique" ON "distribution_share_link" ("distributor_id", "product_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "distribution_team_path" ("id" text not null, "ancestor_id" text not null, "descendant_id" text not null, "depth" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "distribution_team_path_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_team_path_deleted_at" ON "distribution_team_path" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_distribution_team_path_ancestor_id_descendant_id_unique" ON "distribution_team_path" ("ancestor_id", "descendant_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_team_path_ancestor_id_depth" ON "distribution_team_path" ("ancestor_id", "depth") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_team_path_descendant_id" ON "distribution_team_path" ("descendant_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "distribution_binding" cascade;`);

    this.addSql(`drop table if exists "distribution_code_visit" cascade;`);

    this.addSql(`drop table if exists "distribution_commission" cascade;`);

    this.addSql(`drop table if exists "distribution_commission_adjustment" cascade;`);

    this.addSql(`drop table if exists "distribution_distributor" cascade;`);

    this.addSql(`drop table if exists "distribution_ledger_entry" cascade;`);

    this.addSql(`drop table if exists "distribution_order_attribution" cascade;`);

    this.addSql(`drop table if exists "distribution_setting" cascade;`);

    this.addSql(`drop table if exists "distribution_setting_change" cascade;`);

    this.addSql(`drop table if exists "distribution_share_link" cascade;`);

    this.addSql(`drop table if exists "distribution_team_path" cascade;`);
  }

}
