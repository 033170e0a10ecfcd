import { Button, Drawer, Text, Textarea } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { errorMessage } from "../../lib/api"
import { useT } from "../../lib/i18n"

/** Edits a JSON object; invalid JSON and the server's refusals are shown under the field. */
export const MetadataEditor = ({
  value,
  open,
  onOpenChange,
  onSave,
}: {
  value: Record<string, unknown> | null | undefined
  open: boolean
  onOpenChange: (open: boolean) => void
  onSave: (metadata: Record<string, unknown> | null) => Promise<unknown>
}) => {
  const { t } = useT()
  const [text, setText] = useState("")
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    if (open) {
      setText(JSON.stringify(value ?? {}, null, 2))
      setError(null)
    }
  }, [open, value])

  const save = async () => {
    let parsed: unknown
    try {
      parsed = text.trim() ? JSON.parse(text) : null
    } catch {
      setError(t("metadata.invalid"))
      return
    }
    if (parsed !== null && (typeof parsed !== "object" || Array.isArray(parsed))) {
      setError(t("metadata.invalid"))
      return
    }
    setBusy(true)
    try {
      await onSave(parsed as Record<string, unknown> | null)
      onOpenChange(false)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>{t("metadata.title")}</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-2">
          <Textarea className="min-h-[320px] font-mono" value={text} onChange={(e) => setText(e.target.value)} aria-invalid={!!error} />
          {error && (
            <Text size="small" className="text-ui-fg-error" role="alert">
              {error}
            </Text>
          )}
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary">
              {t("common.cancel")}
            </Button>
          </Drawer.Close>
          <Button size="small" onClick={save} isLoading={busy}>
            {t("common.save")}
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
