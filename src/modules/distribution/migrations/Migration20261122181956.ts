import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261122181956 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "distribution_withdrawal" ("id" text not null, "distributor_id" text not null, "currency_code" text not null, "amount" numeric not null, "fee_amount" numeric not null, "net_amount" numeric not null, "method" text check ("method" in ('bank_transfer', 'alipay', 'wechat', 'paypal', 'store_credit')) not null, "account" jsonb not null, "status" text check ("status" in ('requested', 'approved', 'paid', 'rejected', 'failed')) not null default 'requested', "reason" text null, "reference" text null, "approved_at" timestamptz null, "paid_at" timestamptz null, "rejected_at" timestamptz null, "raw_amount" jsonb not null, "raw_fee_amount" jsonb not null, "raw_net_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "distribution_withdrawal_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_withdrawal_deleted_at" ON "distribution_withdrawal" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_withdrawal_distributor_id_created_at" ON "distribution_withdrawal" ("distributor_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_withdrawal_status" ON "distribution_withdrawal" ("status") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "distribution_withdrawal" cascade;`);
  }

}
