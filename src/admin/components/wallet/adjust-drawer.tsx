import { Button, Drawer, Input, Label, RadioGroup, Select, Text, Textarea, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { errorMessage, useDistributionMutation } from "../../lib/api"
import { useT } from "../../lib/i18n"

type Field = "amount" | "currency_code" | "reason"
type Errors = Partial<Record<Field | "form", string>>

/**
 * Medusa's validation errors name the field (`… field 'reason' …`, `amount: …`): the
 * message goes under that field, anything else above the buttons.
 */
export function fieldOf(message: string): Field | "form" {
  if (/\breason\b/i.test(message)) return "reason"
  if (/\bcurrency(_code)?\b/i.test(message)) return "currency_code"
  if (/\bamount\b|balance/i.test(message)) return "amount"
  return "form"
}

const FieldError = ({ id, message }: { id: string; message?: string }) =>
  message ? (
    <Text size="small" className="text-ui-fg-error" id={id} role="alert" data-testid={id}>
      {message}
    </Text>
  ) : null

type Props = { distributorId: string; currencies: string[]; open: boolean; onOpenChange: (open: boolean) => void }

/** Credits or debits a distributor's wallet by hand, with a reason the ledger keeps. */
export const AdjustDrawer = ({ distributorId, currencies, open, onOpenChange }: Props) => {
  const { t } = useT()
  const [direction, setDirection] = useState<"credit" | "debit">("credit")
  const [amount, setAmount] = useState("")
  const [currency, setCurrency] = useState("")
  const [reason, setReason] = useState("")
  const [errors, setErrors] = useState<Errors>({})
  const adjust = useDistributionMutation<{ amount: number; currency_code: string; reason: string }>(() => `/distributors/${distributorId}/adjustments`)

  useEffect(() => {
    if (!open) return
    setDirection("credit")
    setAmount("")
    setCurrency(currencies[0] ?? "")
    setReason("")
    setErrors({})
  }, [open])

  const submit = async () => {
    const value = Number(amount)
    const local: Errors = {}
    if (!amount.trim() || !Number.isFinite(value) || value <= 0) local.amount = t("wallet.adjust.amountPositive")
    if (!currency) local.currency_code = t("common.required")
    if (!reason.trim()) local.reason = t("common.required")
    setErrors(local)
    if (Object.keys(local).length) return
    try {
      await adjust.mutateAsync({ amount: direction === "debit" ? -value : value, currency_code: currency, reason: reason.trim() })
      toast.success(t(direction === "credit" ? "wallet.adjust.doneCredit" : "wallet.adjust.doneDebit"))
      onOpenChange(false)
    } catch (e) {
      const message = errorMessage(e)
      setErrors({ [fieldOf(message)]: message })
    }
  }

  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content data-testid="adjust-drawer">
        <Drawer.Header>
          <Drawer.Title>{t("wallet.adjust.title")}</Drawer.Title>
          <Drawer.Description>{t("wallet.adjust.hint")}</Drawer.Description>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4">
          <div className="flex flex-col gap-y-2">
            <Label size="small">{t("wallet.adjust.direction")}</Label>
            <RadioGroup value={direction} onValueChange={(v) => setDirection(v as "credit" | "debit")} className="flex gap-x-4">
              {(["credit", "debit"] as const).map((d) => (
                <div key={d} className="flex items-center gap-x-2">
                  <RadioGroup.Item value={d} id={`adjust-${d}`} data-testid={`adjust-${d}`} />
                  <Label htmlFor={`adjust-${d}`} size="small" weight="regular">
                    {t(`wallet.adjust.${d}`)}
                  </Label>
                </div>
              ))}
            </RadioGroup>
          </div>
          <div className="grid grid-cols-2 gap-x-4">
            <div className="flex flex-col gap-y-2">
              <Label htmlFor="adjust-amount" size="small">
                {t("fields.amount")}
              </Label>
              <Input
                id="adjust-amount"
                type="number"
                min="0"
                step="any"
                inputMode="decimal"
                value={amount}
                onChange={(e) => setAmount(e.target.value)}
                aria-invalid={!!errors.amount}
                aria-describedby="adjust-amount-error"
              />
              <FieldError id="adjust-amount-error" message={errors.amount} />
            </div>
            <div className="flex flex-col gap-y-2">
              <Label htmlFor="adjust-currency" size="small">
                {t("fields.currency")}
              </Label>
              <Select value={currency} onValueChange={setCurrency}>
                <Select.Trigger id="adjust-currency" aria-invalid={!!errors.currency_code}>
                  <Select.Value placeholder={t("wallet.adjust.chooseCurrency")} />
                </Select.Trigger>
                <Select.Content>
                  {currencies.map((c) => (
                    <Select.Item key={c} value={c}>
                      {c.toUpperCase()}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
              <FieldError id="adjust-currency-error" message={errors.currency_code} />
            </div>
          </div>
          <div className="flex flex-col gap-y-2">
            <Label htmlFor="adjust-reason" size="small">
              {t("common.reason")}
            </Label>
            <Textarea id="adjust-reason" value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={!!errors.reason} />
            <Text size="xsmall" className="text-ui-fg-muted">
              {t("wallet.adjust.reasonHint")}
            </Text>
            <FieldError id="adjust-reason-error" message={errors.reason} />
          </div>
          <FieldError id="adjust-form-error" message={errors.form} />
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary" disabled={adjust.isPending}>
              {t("common.cancel")}
            </Button>
          </Drawer.Close>
          <Button size="small" onClick={submit} isLoading={adjust.isPending} data-testid="adjust-submit">
            {t("wallet.adjust.submit")}
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
