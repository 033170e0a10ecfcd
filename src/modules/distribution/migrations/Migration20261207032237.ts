import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261207032237 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "distribution_grade_change" ("id" text not null, "distributor_id" text not null, "from_grade_id" text null, "to_grade_id" text null, "source" text check ("source" in ('auto', 'admin')) not null, "actor_id" text null, "reason" text null, "metrics" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "distribution_grade_change_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_grade_change_deleted_at" ON "distribution_grade_change" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_grade_change_distributor_id_created_at" ON "distribution_grade_change" ("distributor_id", "created_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "distribution_grade_change" cascade;`);
  }

}
