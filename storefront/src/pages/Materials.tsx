import type { StoreMaterial, StoreMaterialKind } from "medusa-plugin-distribution/client"
import { useState } from "react"
import { formatDate, useI18n, type MessageKey } from "../i18n"
import { distribution, statusOf } from "../medusa"
import { CopyButton, ErrorLine, Loading, useLoad } from "../ui"

const KINDS: StoreMaterialKind[] = ["image", "video", "copy"]

/** 推广素材: the images, videos and texts my grade may share, ready to save or copy. */
export function MaterialsPage() {
  const { t } = useI18n()
  const [kind, setKind] = useState<StoreMaterialKind | "">("")
  const list = useLoad(async () => {
    try {
      return await distribution.listMaterials({ limit: 100 })
    } catch (error) {
      // A server whose plugin has no materials route (an older release) answers 404: nothing to show, not a failure.
      if (statusOf(error) === 404) return null
      throw error
    }
  }, [])

  if (list.loading && list.data === undefined) return <Loading />
  if (list.error) return <ErrorLine error={list.error} />
  if (list.data === null) {
    return (
      <p className="muted" data-testid="materials-unavailable">
        {t("materials_unavailable")}
      </p>
    )
  }
  const all = list.data?.materials ?? []
  if (all.length === 0) {
    return (
      <p className="muted" data-testid="materials-empty">
        {t("materials_empty")}
      </p>
    )
  }
  const shown = kind ? all.filter((m) => m.kind === kind) : all
  return (
    <>
      <div className="segmented">
        {(["", ...KINDS] as const).map((k) => (
          <button key={k || "all"} className={k === kind ? "active" : ""} onClick={() => setKind(k)} data-testid={`mat-kind-${k || "all"}`}>
            {k ? t(`mat_${k}` as MessageKey) : t("all")}
          </button>
        ))}
      </div>
      <ul className="list" data-testid="materials-list">
        {shown.map((m) => (
          <Material key={m.id} material={m} />
        ))}
      </ul>
    </>
  )
}

function Material({ material: m }: { material: StoreMaterial }) {
  const { t, locale } = useI18n()
  return (
    <li className="card material" data-testid="material" data-kind={m.kind}>
      {m.kind === "image" && m.file_url && <img className="material-media" src={m.file_url} alt={m.title} loading="lazy" />}
      {m.kind === "video" && m.file_url && <video className="material-media" src={m.file_url} controls playsInline preload="metadata" data-testid="material-video" />}
      <div className="card-body">
        <div className="row">
          <div className="title grow" data-testid="material-title">
            {m.title}
          </div>
          <span className="pill">{t(`mat_${m.kind}` as MessageKey)}</span>
        </div>
        {m.body && (
          <p className={m.kind === "copy" ? "copy-text" : "muted small"} data-testid="material-body">
            {m.body}
          </p>
        )}
        <div className="row material-foot">
          <span className="muted small grow">{formatDate(m.created_at, locale)}</span>
          {m.kind === "copy" && m.body && <CopyButton text={m.body} testId="material-copy" />}
          {m.kind !== "copy" && m.file_url && (
            // `download` names the file on a same-origin URL; a file module's CDN URL opens in a new tab instead.
            <a className="button small" href={m.file_url} download target="_blank" rel="noopener noreferrer" data-testid="material-download">
              {t("download")}
            </a>
          )}
        </div>
      </div>
    </li>
  )
}
