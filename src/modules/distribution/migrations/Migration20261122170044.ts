import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261122170044 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "distribution_order_attribution" add column if not exists "lines" jsonb not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "distribution_order_attribution" drop column if exists "lines";`);
  }

}
