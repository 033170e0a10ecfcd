import { Context, DAL } from "@medusajs/framework/types"
import { InjectManager, MedusaContext } from "@medusajs/framework/utils"
import { sqlOf } from "../db"

export type MaterialRow = {
  id: string
  kind: "image" | "video" | "copy"
  title: string
  body: string | null
  file_url: string | null
  grade_ids: string[]
  created_at: Date
}

/**
 * The materials a distributor of a grade may see: those tagged for no grade (everyone) or
 * for theirs, newest first. Filtered in SQL (`jsonb @>`) so `count` and the page agree.
 */
// Not "MaterialService": Medusa registers the Material model's own data service under that name.
export class MaterialCatalogService {
  protected readonly baseRepository_: DAL.RepositoryService

  constructor({ baseRepository }: { baseRepository: DAL.RepositoryService }) {
    this.baseRepository_ = baseRepository
  }

  @InjectManager()
  async visibleTo(
    gradeId: string | null,
    page: { take: number; skip: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ materials: MaterialRow[]; count: number }> {
    const sql = await sqlOf(sharedContext)
    const where = `deleted_at IS NULL AND (grade_ids = '[]'::jsonb${gradeId ? " OR grade_ids @> ?::jsonb" : ""})`
    const args = gradeId ? [JSON.stringify([gradeId])] : []
    const { rows } = await sql.raw(
      `SELECT id, kind, title, body, file_url, grade_ids, created_at FROM distribution_material
        WHERE ${where} ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`,
      [...args, page.take, page.skip]
    )
    const { rows: counted } = await sql.raw(`SELECT COUNT(*)::int AS count FROM distribution_material WHERE ${where}`, args)
    return { materials: rows as MaterialRow[], count: (counted as { count: number }[])[0].count }
  }
}
