import { Button, Drawer, Input, Label, Table, Text, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { errorMessage, useDistributionMutation } from "../../lib/api"
import { useFormat } from "../../lib/format"
import { useT } from "../../lib/i18n"
import type { Withdrawal } from "../../lib/types"
import type { BatchMarkPaidResponse } from "./types"

type Props = { withdrawals: Withdrawal[]; open: boolean; onOpenChange: (open: boolean) => void; onDone: () => void }

/**
 * Marks a payout batch paid in one action, a transfer reference per withdrawal (all or
 * none on the server). "Same for all" fills every reference when the bank gives one per file.
 */
export const BatchMarkPaidDrawer = ({ withdrawals, open, onOpenChange, onDone }: Props) => {
  const { t } = useT()
  const f = useFormat()
  const [references, setReferences] = useState<Record<string, string>>({})
  const [all, setAll] = useState("")
  const [error, setError] = useState<string | null>(null)
  const [missing, setMissing] = useState(false)
  const markPaid = useDistributionMutation<{ items: { id: string; reference: string }[] }, BatchMarkPaidResponse>(() => "/withdrawals/batch/mark-paid")

  useEffect(() => {
    if (!open) return
    setReferences({})
    setAll("")
    setError(null)
    setMissing(false)
  }, [open])

  const submit = async () => {
    const items = withdrawals.map((w) => ({ id: w.id, reference: (references[w.id] ?? "").trim() }))
    if (items.some((i) => !i.reference)) {
      setMissing(true)
      return
    }
    setMissing(false)
    try {
      const result = await markPaid.mutateAsync({ items })
      toast.success(t("wallet.batch.donePaid", { count: result.paid.length }))
      if (result.already_paid.length) toast.info(t("wallet.batch.alreadyPaid", { count: result.already_paid.length }))
      onDone()
      onOpenChange(false)
    } catch (e) {
      setError(errorMessage(e))
    }
  }

  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content data-testid="batch-paid-drawer">
        <Drawer.Header>
          <Drawer.Title>{t("wallet.batch.markPaidTitle", { count: withdrawals.length })}</Drawer.Title>
          <Drawer.Description>{t("wallet.batch.markPaidHint")}</Drawer.Description>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
          <div className="flex items-end gap-x-2">
            <div className="flex flex-1 flex-col gap-y-1">
              <Label htmlFor="batch-reference-all" size="small">
                {t("wallet.batch.sameReference")}
              </Label>
              <Input id="batch-reference-all" size="small" value={all} onChange={(e) => setAll(e.target.value)} />
            </div>
            <Button
              size="small"
              variant="secondary"
              data-testid="batch-reference-fill"
              disabled={!all.trim()}
              onClick={() => setReferences(Object.fromEntries(withdrawals.map((w) => [w.id, all.trim()])))}
            >
              {t("wallet.batch.fillAll")}
            </Button>
          </div>
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>{t("fields.method")}</Table.HeaderCell>
                <Table.HeaderCell className="text-right">{t("fields.net")}</Table.HeaderCell>
                <Table.HeaderCell>{t("fields.reference")}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {withdrawals.map((w) => (
                <Table.Row key={w.id}>
                  <Table.Cell>
                    <div className="flex flex-col">
                      <span>{t(`methods.${w.method}`, { defaultValue: w.method })}</span>
                      <span className="text-ui-fg-muted txt-compact-xsmall font-mono">{w.id.slice(-10)}</span>
                    </div>
                  </Table.Cell>
                  <Table.Cell className="text-right">{f.money(w.net_amount, w.currency_code)}</Table.Cell>
                  <Table.Cell>
                    <Input
                      size="small"
                      aria-label={t("fields.reference")}
                      data-testid={`batch-reference-${w.id}`}
                      value={references[w.id] ?? ""}
                      aria-invalid={missing && !(references[w.id] ?? "").trim()}
                      onChange={(e) => setReferences((r) => ({ ...r, [w.id]: e.target.value }))}
                    />
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          {missing && (
            <Text size="small" className="text-ui-fg-error" role="alert">
              {t("wallet.batch.referenceRequired")}
            </Text>
          )}
          {error && (
            <Text size="small" className="text-ui-fg-error" role="alert" data-testid="batch-paid-error">
              {error}
            </Text>
          )}
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary" disabled={markPaid.isPending}>
              {t("common.cancel")}
            </Button>
          </Drawer.Close>
          <Button size="small" onClick={submit} isLoading={markPaid.isPending} data-testid="batch-paid-submit">
            {t("wallet.batch.markPaid")}
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
