/**
 * The test app's own PostgreSQL, for what only the database can show: warming the pool so
 * concurrent requests really overlap, seeing a backend wait on a lock, failing a write on
 * purpose (a trigger, the way a full disk or a lost connection would), and reading rows.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { waitFor } from "./order-flow"

export const pgOf = (container: MedusaContainer) => container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)

/** Opens `n` pool connections at once: without this, "concurrent" requests queue for the first connection and never overlap. */
export async function warmPool(container: MedusaContainer, n = 10) {
  await Promise.all(Array.from({ length: n }, () => pgOf(container).raw("SELECT pg_sleep(0.05)")))
}

/** Resolves once at least `count` backends of this database wait on a lock (a row lock, an advisory lock…). */
export async function waitForLockWaiters(container: MedusaContainer, count = 1, timeout = 30_000) {
  await waitFor(
    async () => {
      const { rows } = await pgOf(container).raw(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`
      )
      return rows[0].n as number
    },
    { timeout, interval: 50, until: (n) => n >= count }
  )
}

/** Makes every insert into `table` fail until the returned function is called. */
export async function failInsertsInto(container: MedusaContainer, table: string) {
  const pg = pgOf(container)
  const name = `test_fail_${table}`
  await pg.raw(`CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'injected failure on ${table}'; END $$ LANGUAGE plpgsql`)
  await pg.raw(`CREATE TRIGGER ${name} BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION ${name}()`)
  return async () => {
    await pg.raw(`DROP TRIGGER IF EXISTS ${name} ON ${table}`)
    await pg.raw(`DROP FUNCTION IF EXISTS ${name}()`)
  }
}

/** Rows of one of the plugin's tables (not soft-deleted), as the database has them. */
export async function rowsOf(container: MedusaContainer, table: string, where: Record<string, unknown> = {}): Promise<Record<string, any>[]> {
  return pgOf(container)(table).where({ ...where, deleted_at: null }).orderBy("created_at", "asc")
}
