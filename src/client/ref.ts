/** The query parameter a share link carries the code in: `https://shop.example.com/?ref=K7M2Q9XA`. */
export const REF_PARAM = "ref"

// Codes the plugin makes are 8 letters and digits; this also takes hand-made ones, and
// refuses anything that could not be a code before it costs a request.
const CODE_PATTERN = /^[A-Z0-9_-]{3,64}$/

/** A code as the server matches it (trimmed, upper case), or null when it cannot be one. */
export function normalizeCode(value: string | null | undefined): string | null {
  const code = (value ?? "").trim().toUpperCase()
  return CODE_PATTERN.test(code) ? code : null
}

/** The share code in a URL's `?ref=`, normalized; null when there is none or it cannot be a code. */
export function readRef(url: string | URL, param = REF_PARAM): string | null {
  try {
    const parsed = typeof url === "string" ? new URL(url, "http://localhost") : url
    return normalizeCode(parsed.searchParams.get(param))
  } catch {
    return null
  }
}

/** The URL without its `?ref=`, for a clean address bar (and no code in bookmarks). */
export function withoutRef(url: string | URL, param = REF_PARAM): string {
  const parsed = new URL(typeof url === "string" ? url : url.toString())
  parsed.searchParams.delete(param)
  return parsed.toString()
}
