import DistributionModuleService from "../../../../modules/distribution/service"
import { invalid } from "../../../../modules/distribution/errors"

export type MaterialDraft = {
  kind: "image" | "video" | "copy"
  title: string
  body?: string | null
  file_url?: string | null
  grade_ids?: string[]
}

/**
 * What a material must hold to be shown: an image or a video is a file (its URL from the file
 * module), copy is text; every grade it is tagged with exists. Checked on the whole material,
 * after an update is merged, so a partial update can't leave it half made.
 */
export async function checkMaterial(service: DistributionModuleService, m: MaterialDraft) {
  if ((m.kind === "image" || m.kind === "video") && !m.file_url) {
    throw invalid(`${m.kind === "image" ? "An" : "A"} ${m.kind} material needs a file_url: upload the file first (POST /admin/uploads) and send the URL it answers`)
  }
  if (m.kind === "copy" && !m.body?.trim()) throw invalid("A copy material needs a body: the text distributors will share")
  const ids = [...new Set(m.grade_ids ?? [])]
  if (ids.length) {
    const found = new Set((await service.listGrades({ id: ids }, { select: ["id"] })).map((g) => g.id))
    const unknown = ids.filter((id) => !found.has(id))
    if (unknown.length) throw invalid(`Unknown grade id(s) in grade_ids: ${unknown.join(", ")}; create the grade first or leave grade_ids empty for every grade`)
  }
  // A json column is typed as an object; this one holds an array of ids.
  return { ...m, body: m.body ?? null, file_url: m.file_url ?? null, grade_ids: ids as unknown as Record<string, unknown> }
}

/** A material as the API shows it. */
export const formatMaterial = (m: { id: string; kind: string; title: string; body: string | null; file_url: string | null; grade_ids: unknown; created_at: Date | string }) => ({
  id: m.id,
  kind: m.kind,
  title: m.title,
  body: m.body,
  file_url: m.file_url,
  grade_ids: (m.grade_ids ?? []) as unknown as string[],
  created_at: m.created_at,
})
