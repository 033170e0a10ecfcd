import { Button, Label, Prompt, Text, Textarea, Input } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { errorMessage } from "../lib/api"
import { useT } from "../lib/i18n"

type Props = {
  open: boolean
  onOpenChange: (open: boolean) => void
  title: string
  description?: string
  /** The field's label; "reason" by default, "reference" for payments. */
  label?: string
  required?: boolean
  multiline?: boolean
  confirmLabel: string
  onConfirm: (value: string) => Promise<unknown>
}

/** Asks for a reason (or a payment reference) before an action; the server's refusal stays on screen. */
export const ReasonPrompt = ({ open, onOpenChange, title, description, label, required = true, multiline = true, confirmLabel, onConfirm }: Props) => {
  const { t } = useT()
  const [value, setValue] = useState("")
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    if (open) {
      setValue("")
      setError(null)
    }
  }, [open])

  const submit = async () => {
    if (required && !value.trim()) {
      setError(t("common.required"))
      return
    }
    setBusy(true)
    try {
      await onConfirm(value.trim())
      onOpenChange(false)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  const Field = multiline ? Textarea : Input
  return (
    <Prompt open={open} onOpenChange={onOpenChange}>
      <Prompt.Content>
        <Prompt.Header>
          <Prompt.Title>{title}</Prompt.Title>
          {description && <Prompt.Description>{description}</Prompt.Description>}
        </Prompt.Header>
        <div className="flex flex-col gap-y-2 px-6 pb-4">
          <Label htmlFor="distribution-reason" size="small">
            {label ?? t("common.reason")}
          </Label>
          <Field id="distribution-reason" value={value} onChange={(e: { target: { value: string } }) => setValue(e.target.value)} aria-invalid={!!error} />
          {error && (
            <Text size="small" className="text-ui-fg-error" role="alert">
              {error}
            </Text>
          )}
        </div>
        <Prompt.Footer>
          <Button size="small" variant="secondary" onClick={() => onOpenChange(false)} disabled={busy}>
            {t("common.cancel")}
          </Button>
          <Button size="small" onClick={submit} isLoading={busy} data-testid="reason-confirm">
            {confirmLabel}
          </Button>
        </Prompt.Footer>
      </Prompt.Content>
    </Prompt>
  )
}
