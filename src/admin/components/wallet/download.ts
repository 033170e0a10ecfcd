/**
 * CSV downloads from the plugin's admin API. The SDK parses JSON only, so these use the
 * admin's session cookie with a plain fetch and hand the body to the browser as a file.
 */

/** The server's message of a refused request (`{ message }`), or the status line. */
async function refusal(res: Response) {
  const body = await res.json().catch(() => null)
  return new Error(body?.message ?? `${res.status} ${res.statusText}`)
}

function fileName(res: Response, fallback: string) {
  const match = /filename="?([^";]+)"?/.exec(res.headers.get("content-disposition") ?? "")
  return match?.[1] ?? fallback
}

function save(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob)
  const link = document.createElement("a")
  link.href = url
  link.download = name
  document.body.appendChild(link)
  link.click()
  link.remove()
  // The click has started the download; the URL is no longer needed once it is handed over.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

export async function downloadCsv(path: string, init: { method?: "GET" | "POST"; query?: Record<string, string | undefined>; body?: unknown; fallbackName: string }) {
  const params = new URLSearchParams(Object.entries(init.query ?? {}).filter((e): e is [string, string] => !!e[1]))
  const url = `/admin/distribution${path}${params.size ? `?${params}` : ""}`
  const res = await fetch(url, {
    method: init.method ?? "GET",
    credentials: "include",
    headers: init.body === undefined ? { accept: "text/csv" } : { accept: "text/csv", "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  if (!res.ok) throw await refusal(res)
  const name = fileName(res, init.fallbackName)
  save(await res.blob(), name)
  return name
}
