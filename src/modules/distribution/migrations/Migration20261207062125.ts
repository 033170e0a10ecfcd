import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261207062125 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "distribution_material" ("id" text not null, "kind" text check ("kind" in ('image', 'video', 'copy')) not null, "title" text not null, "body" text null, "file_url" text null, "grade_ids" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "distribution_material_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_material_deleted_at" ON "distribution_material" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_material_created_at" ON "distribution_material" ("created_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "distribution_material" cascade;`);
  }

}
