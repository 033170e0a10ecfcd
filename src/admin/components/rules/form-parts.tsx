import { Button, Drawer, Input, Label, Prompt, Text, toast } from "@medusajs/ui"
import { ReactNode, useState } from "react"
import { errorMessage } from "../../lib/api"
import { useT } from "../../lib/i18n"

/** A labelled form field with its help and the server's message when a save is refused. */
export const FormField = ({ id, label, help, error, children }: { id: string; label: string; help?: string; error?: string; children: ReactNode }) => (
  <div className="flex flex-col gap-y-1" data-testid={`field-${id}`}>
    <Label size="small" weight="plus" htmlFor={id}>
      {label}
    </Label>
    {help && (
      <Text size="xsmall" className="text-ui-fg-subtle">
        {help}
      </Text>
    )}
    {children}
    {error && (
      <Text size="small" className="text-ui-fg-error" role="alert" data-testid={`error-${id}`}>
        {error}
      </Text>
    )}
  </div>
)

/** Three boxes, one per paid level (never more: at most 3 levels are paid). */
export const LevelInputs = ({ id, values, onChange, unit, invalid }: { id: string; values: string[]; onChange: (v: string[]) => void; unit: string; invalid?: boolean }) => {
  const { t } = useT()
  return (
    <div className="grid grid-cols-3 gap-2">
      {values.map((v, i) => (
        <div key={i} className="flex flex-col gap-y-1">
          <Label size="xsmall" htmlFor={`${id}-${i}`} className="text-ui-fg-subtle">
            {t("rules.common.levelUnit", { level: i + 1, unit })}
          </Label>
          <Input
            id={`${id}-${i}`}
            size="small"
            type="number"
            min={0}
            step="0.01"
            value={v}
            aria-invalid={invalid}
            onChange={(e) => onChange(values.map((x, j) => (j === i ? e.target.value : x)))}
          />
        </div>
      ))}
    </div>
  )
}

export type FieldErrors = Record<string, string | undefined>

/**
 * A Drawer with a form: Save sends it, a refusal stays on the field it names (or above the
 * form), success closes it with a toast.
 */
export const FormDrawer = ({
  open,
  onOpenChange,
  title,
  description,
  onSave,
  errors,
  children,
  testId,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  title: string
  description?: string
  onSave: () => Promise<boolean>
  errors: FieldErrors
  children: ReactNode
  testId: string
}) => {
  const { t } = useT()
  const [busy, setBusy] = useState(false)
  const save = async () => {
    setBusy(true)
    try {
      if (await onSave()) {
        toast.success(t("rules.common.saved"))
        onOpenChange(false)
      }
    } finally {
      setBusy(false)
    }
  }
  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content data-testid={testId}>
        <Drawer.Header>
          <Drawer.Title>{title}</Drawer.Title>
          {description && <Drawer.Description>{description}</Drawer.Description>}
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
          {errors._form && (
            <Text size="small" className="text-ui-fg-error" role="alert" data-testid="error-form">
              {errors._form}
            </Text>
          )}
          {children}
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary" disabled={busy}>
              {t("common.cancel")}
            </Button>
          </Drawer.Close>
          <Button size="small" onClick={save} isLoading={busy} data-testid={`${testId}-save`}>
            {t("common.save")}
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}

/** Sends a form; on refusal, puts the server's message on the field it is about. */
export async function submitForm(send: () => Promise<unknown>, setErrors: (e: FieldErrors) => void, fieldOf: (message: string) => string) {
  try {
    await send()
    setErrors({})
    return true
  } catch (e) {
    const message = errorMessage(e)
    setErrors({ [fieldOf(message)]: message })
    return false
  }
}

/** Medusa's confirmation before a delete; the server's refusal (e.g. a grade still held) is a toast. */
export const DeletePrompt = ({ open, onOpenChange, title, onConfirm }: { open: boolean; onOpenChange: (o: boolean) => void; title: string; onConfirm: () => Promise<void> }) => {
  const { t } = useT()
  return (
    <Prompt open={open} onOpenChange={onOpenChange}>
      <Prompt.Content>
        <Prompt.Header>
          <Prompt.Title>{title}</Prompt.Title>
          <Prompt.Description>{t("rules.common.deleteHint")}</Prompt.Description>
        </Prompt.Header>
        <Prompt.Footer>
          <Prompt.Cancel>{t("common.cancel")}</Prompt.Cancel>
          <Prompt.Action
            data-testid="delete-confirm"
            onClick={() =>
              onConfirm()
                .then(() => toast.success(t("rules.common.deleted")))
                .catch((e) => toast.error(errorMessage(e)))
            }
          >
            {t("rules.common.delete")}
          </Prompt.Action>
        </Prompt.Footer>
      </Prompt.Content>
    </Prompt>
  )
}
