import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261207031006 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "distribution_ledger_entry" add column if not exists "created_by" text null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_ledger_entry_distributor_id_created_at" ON "distribution_ledger_entry" ("distributor_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_ledger_entry_created_at" ON "distribution_ledger_entry" ("created_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_distribution_ledger_entry_distributor_id_created_at";`);
    this.addSql(`drop index if exists "IDX_distribution_ledger_entry_created_at";`);
    this.addSql(`alter table if exists "distribution_ledger_entry" drop column if exists "created_by";`);
  }

}
