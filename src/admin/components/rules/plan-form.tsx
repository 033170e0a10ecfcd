import { Input, Select, Switch } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useT } from "../../lib/i18n"
import { FieldErrors, FormDrawer, FormField, submitForm } from "./form-parts"
import { useTermsList } from "./terms-table"
import { fieldOfMessage, Grade, TeamBonusPlan, toFraction, toPercent, useTermsWriter } from "./terms"

const FIELDS = ["name", "grade_id", "rate", "active"]
type Form = { name: string; grade: string; rate: string; active: boolean }
const toForm = (p: TeamBonusPlan | null): Form => ({ name: p?.name ?? "", grade: p?.grade_id ?? "", rate: toPercent(p?.rate), active: p?.active ?? true })

/** Create or edit a 团队分红 plan: the lowest grade that earns it and its share of the team's settled sales. */
export const PlanForm = ({ plan, open, onClose }: { plan: TeamBonusPlan | null; open: boolean; onClose: () => void }) => {
  const { t } = useT()
  const writer = useTermsWriter("/team-bonus/plans")
  const grades = useTermsList<Grade>("/grades", "grades")
  const [form, setForm] = useState<Form>(toForm(plan))
  const [errors, setErrors] = useState<FieldErrors>({})
  useEffect(() => {
    if (!open) return
    setForm(toForm(plan))
    setErrors({})
  }, [open, plan])
  const set = (patch: Partial<Form>) => setForm({ ...form, ...patch })
  const save = () => {
    const body = { name: form.name.trim(), grade_id: form.grade, rate: toFraction(form.rate || "0"), active: form.active }
    // The plan guard speaks of max_total_rate: it is about the rate.
    return submitForm(() => (plan ? writer.update(plan.id, body) : writer.create(body)), setErrors, (m) => fieldOfMessage(m, FIELDS, "rate"))
  }
  return (
    <FormDrawer open={open} onOpenChange={(o) => !o && onClose()} title={t(plan ? "rules.teamBonus.edit" : "rules.teamBonus.create")} onSave={save} errors={errors} testId="plan-form">
      <FormField id="plan-name" label={t("rules.fields.name")} error={errors.name}>
        <Input id="plan-name" size="small" value={form.name} onChange={(e) => set({ name: e.target.value })} />
      </FormField>
      <FormField id="plan-grade" label={t("rules.teamBonus.grade")} help={t("rules.teamBonus.gradeHelp")} error={errors.grade_id}>
        <Select value={form.grade || undefined} onValueChange={(grade) => set({ grade })}>
          <Select.Trigger id="plan-grade" data-testid="plan-grade">
            <Select.Value placeholder={t("rules.picker.choose")} />
          </Select.Trigger>
          <Select.Content>
            {grades.rows.map((g) => (
              <Select.Item key={g.id} value={g.id}>
                {g.name}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </FormField>
      <FormField id="plan-rate" label={t("rules.teamBonus.rate")} help={t("rules.teamBonus.rateHelp")} error={errors.rate}>
        <Input id="plan-rate" size="small" type="number" min={0} max={100} step="0.01" value={form.rate} onChange={(e) => set({ rate: e.target.value })} />
      </FormField>
      <FormField id="plan-active" label={t("rules.teamBonus.active")} error={errors.active}>
        <Switch id="plan-active" checked={form.active} onCheckedChange={(active) => set({ active })} />
      </FormField>
    </FormDrawer>
  )
}
