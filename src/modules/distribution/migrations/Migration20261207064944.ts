import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261207064944 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "distribution_refer_reward_order" drop constraint if exists "distribution_refer_reward_order_order_id_unique";`);
    this.addSql(`alter table if exists "distribution_refer_reward" drop constraint if exists "distribution_refer_reward_reward_key_unique";`);
    this.addSql(`create table if not exists "distribution_refer_reward" ("id" text not null, "distributor_id" text not null, "currency_code" text not null, "reward_key" text not null, "order_ids" jsonb not null, "base_order_id" text not null, "base_amount" numeric not null, "amount" numeric not null, "n" integer not null, "window_days" integer not null, "cap" text null, "raw_base_amount" jsonb not null, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "distribution_refer_reward_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_refer_reward_deleted_at" ON "distribution_refer_reward" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_distribution_refer_reward_reward_key_unique" ON "distribution_refer_reward" ("reward_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_refer_reward_distributor_id_created_at" ON "distribution_refer_reward" ("distributor_id", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "distribution_refer_reward_order" ("id" text not null, "reward_id" text not null, "order_id" text not null, "distributor_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "distribution_refer_reward_order_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_refer_reward_order_deleted_at" ON "distribution_refer_reward_order" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_distribution_refer_reward_order_order_id_unique" ON "distribution_refer_reward_order" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_refer_reward_order_reward_id" ON "distribution_refer_reward_order" ("reward_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "distribution_ledger_entry" drop constraint if exists "distribution_ledger_entry_type_check";`);

    this.addSql(`alter table if exists "distribution_ledger_entry" add constraint "distribution_ledger_entry_type_check" check("type" in ('settlement', 'clawback', 'commission_adjustment', 'withdrawal', 'withdrawal_reversal', 'admin_adjustment', 'team_bonus', 'refer_reward'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "distribution_refer_reward" cascade;`);

    this.addSql(`drop table if exists "distribution_refer_reward_order" cascade;`);

    this.addSql(`alter table if exists "distribution_ledger_entry" drop constraint if exists "distribution_ledger_entry_type_check";`);

    this.addSql(`alter table if exists "distribution_ledger_entry" add constraint "distribution_ledger_entry_type_check" check("type" in ('settlement', 'clawback', 'commission_adjustment', 'withdrawal', 'withdrawal_reversal', 'admin_adjustment', 'team_bonus'));`);
  }

}
