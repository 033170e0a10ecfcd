import { useCallback, useEffect, useState, type DependencyList } from "react"
import { useI18n } from "./i18n"
import { messageOf } from "./medusa"

/** Loads once per change of `deps`; `reload` runs it again. */
export function useLoad<T>(load: () => Promise<T>, deps: DependencyList) {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true })
  const run = useCallback(load, deps)
  const reload = useCallback(() => {
    setState((s) => ({ ...s, loading: true }))
    return run().then(
      (data) => setState({ data, loading: false }),
      (error) => setState({ error, loading: false })
    )
  }, [run])
  useEffect(() => {
    void reload()
  }, [reload])
  return { ...state, reload }
}

export function Loading() {
  const { t } = useI18n()
  return <p className="muted">{t("loading")}</p>
}

export function ErrorLine({ error }: { error: unknown }) {
  const { t } = useI18n()
  if (!error) return null
  return (
    <p className="error" role="alert">
      {t("error", { message: messageOf(error) })}
    </p>
  )
}

/** A product without a photo gets a tile in its own colour, with its initial. */
export function tileColour(seed: string): string {
  let hash = 0
  for (const char of seed) hash = (hash * 31 + char.charCodeAt(0)) >>> 0
  const hues = [150, 35, 10, 200, 90, 330]
  return `hsl(${hues[hash % hues.length]} 45% 42%)`
}

export function ProductImage({ src, title, className }: { src?: string | null; title: string; className?: string }) {
  if (src) return <img className={className} src={src} alt={title} />
  return (
    <div className={`${className ?? ""} tile`} style={{ background: tileColour(title) }} aria-label={title}>
      {title.slice(0, 1)}
    </div>
  )
}

const ICONS = {
  home: "M3 10.5 12 3l9 7.5V21h-6v-6H9v6H3z",
  cart: "M3 4h2l2.4 11.2a2 2 0 0 0 2 1.6h7.7a2 2 0 0 0 2-1.5L21 8H6.2M10 20.5a1 1 0 1 0 0 .01M17 20.5a1 1 0 1 0 0 .01",
  share: "M4 10v4h3l6 4V6L7 10zm12-1.5a4 4 0 0 1 0 7M18.5 6a7.5 7.5 0 0 1 0 12",
  user: "M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm-8 9a8 8 0 0 1 16 0",
  leaf: "M5 19c0-8 6-14 15-14 0 9-6 15-14 15-.5 0-1 0-1-1zm0 0 8-8",
} as const

/** Line icons drawn inline, so they look the same on every phone (no emoji font needed). */
export function Icon({ name, size = 22 }: { name: keyof typeof ICONS; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d={ICONS[name]} />
    </svg>
  )
}

/** Copies `text` to the clipboard; says so once done. */
export function CopyButton({ text, testId }: { text: string; testId?: string }) {
  const { t } = useI18n()
  const [done, setDone] = useState(false)
  return (
    <button
      className="small"
      data-testid={testId}
      onClick={() =>
        navigator.clipboard?.writeText(text).then(
          () => setDone(true),
          () => setDone(false)
        )
      }
    >
      {done ? t("copied") : t("copy")}
    </button>
  )
}
