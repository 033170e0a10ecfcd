import { Input } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useT } from "../../lib/i18n"
import { FieldErrors, FormDrawer, FormField, LevelInputs, submitForm } from "./form-parts"
import { fieldOfMessage, levelBoxes, levelsFrom, Tier, useTermsWriter } from "./terms"

const FIELDS = ["name", "currency_code", "min_sales", "level_rates"]
type Form = { name: string; currency: string; min: string; levels: string[] }
const toForm = (x: Tier | null): Form => ({ name: x?.name ?? "", currency: x?.currency_code ?? "", min: x ? String(x.min_sales) : "", levels: levelBoxes(x?.level_rates, true) })

/** Create or edit a sales tier (阶梯): rates for distributors whose kept sales this month reach a floor. */
export const TierForm = ({ tier, open, onClose }: { tier: Tier | null; open: boolean; onClose: () => void }) => {
  const { t } = useT()
  const writer = useTermsWriter("/tiers")
  const [form, setForm] = useState<Form>(toForm(tier))
  const [errors, setErrors] = useState<FieldErrors>({})
  useEffect(() => {
    if (!open) return
    setForm(toForm(tier))
    setErrors({})
  }, [open, tier])
  const set = (patch: Partial<Form>) => setForm({ ...form, ...patch })
  const save = () => {
    const body = { name: form.name.trim(), currency_code: form.currency.trim().toLowerCase(), min_sales: Number(form.min || 0), level_rates: levelsFrom(form.levels, true) }
    return submitForm(() => (tier ? writer.update(tier.id, body) : writer.create(body)), setErrors, (m) => fieldOfMessage(m, FIELDS, "level_rates"))
  }
  return (
    <FormDrawer open={open} onOpenChange={(o) => !o && onClose()} title={t(tier ? "rules.tiers.edit" : "rules.tiers.create")} onSave={save} errors={errors} testId="tier-form">
      <FormField id="tier-name" label={t("rules.fields.name")} error={errors.name}>
        <Input id="tier-name" size="small" value={form.name} onChange={(e) => set({ name: e.target.value })} />
      </FormField>
      <FormField id="tier-currency_code" label={t("rules.fields.currency")} help={t("rules.fields.currencyHelp")} error={errors.currency_code}>
        <Input id="tier-currency_code" size="small" maxLength={3} value={form.currency} onChange={(e) => set({ currency: e.target.value })} />
      </FormField>
      <FormField id="tier-min_sales" label={t("rules.tiers.minSales")} help={t("rules.tiers.minSalesHelp")} error={errors.min_sales}>
        <Input id="tier-min_sales" size="small" type="number" min={0} step="0.01" value={form.min} onChange={(e) => set({ min: e.target.value })} />
      </FormField>
      <FormField id="tier-level_rates" label={t("rules.fields.levelRates")} error={errors.level_rates}>
        <LevelInputs id="tier-level_rates" values={form.levels} unit="%" onChange={(levels) => set({ levels })} invalid={!!errors.level_rates} />
      </FormField>
    </FormDrawer>
  )
}
