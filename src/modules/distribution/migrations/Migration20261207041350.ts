import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261207041350 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "distribution_team_bonus_payout" drop constraint if exists "distribution_team_bonus_payout_plan_id_period_distributor_id_currency_code_unique";`);
    this.addSql(`create table if not exists "distribution_team_bonus_payout" ("id" text not null, "plan_id" text not null, "period" text not null, "distributor_id" text not null, "currency_code" text not null, "team_sales" numeric not null, "rate" text not null, "amount" numeric not null, "raw_team_sales" jsonb not null, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "distribution_team_bonus_payout_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_team_bonus_payout_deleted_at" ON "distribution_team_bonus_payout" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_distribution_team_bonus_payout_plan_id_period_distributor_id_currency_code_unique" ON "distribution_team_bonus_payout" ("plan_id", "period", "distributor_id", "currency_code") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "distribution_team_bonus_plan" ("id" text not null, "name" text not null, "grade_id" text not null, "rate" text not null, "active" boolean not null default true, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "distribution_team_bonus_plan_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_team_bonus_plan_deleted_at" ON "distribution_team_bonus_plan" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "distribution_ledger_entry" drop constraint if exists "distribution_ledger_entry_type_check";`);

    this.addSql(`alter table if exists "distribution_ledger_entry" add constraint "distribution_ledger_entry_type_check" check("type" in ('settlement', 'clawback', 'commission_adjustment', 'withdrawal', 'withdrawal_reversal', 'admin_adjustment', 'team_bonus'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "distribution_team_bonus_payout" cascade;`);

    this.addSql(`drop table if exists "distribution_team_bonus_plan" cascade;`);

    this.addSql(`alter table if exists "distribution_ledger_entry" drop constraint if exists "distribution_ledger_entry_type_check";`);

    this.addSql(`alter table if exists "distribution_ledger_entry" add constraint "distribution_ledger_entry_type_check" check("type" in ('settlement', 'clawback', 'commission_adjustment', 'withdrawal', 'withdrawal_reversal', 'admin_adjustment'));`);
  }

}
