import { Input, Select, Switch } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useT } from "../../lib/i18n"
import { EntityPicker } from "./entity-picker"
import { FieldErrors, FormDrawer, FormField, LevelInputs, submitForm } from "./form-parts"
import { fieldOfMessage, Grade, levelBoxes, levelsFrom, numberOrUndefined, useTermsWriter } from "./terms"

const CONDITIONS = ["own_sales", "team_sales", "direct_buyers", "team_size"] as const
const FIELDS = ["name", "rank", "level_rates", "conditions", "customer_group_id", "can_view_team", ...CONDITIONS]

type Form = { name: string; rank: string; levels: string[]; conditions: Record<(typeof CONDITIONS)[number], string>; match: "any" | "all"; group: string | null; team: boolean }

function toForm(g: Grade | null): Form {
  const c = g?.conditions
  return {
    name: g?.name ?? "",
    rank: g ? String(g.rank) : "",
    levels: levelBoxes(g?.level_rates, true),
    conditions: Object.fromEntries(CONDITIONS.map((k) => [k, c?.[k] === undefined ? "" : String(c[k])])) as Form["conditions"],
    match: c?.match ?? "any",
    group: g?.customer_group_id ?? null,
    team: g?.can_view_team ?? true,
  }
}

/** What `POST /admin/distribution/grades` takes (DESIGN.md): conditions only when one is set. */
function toBody(f: Form) {
  const set = CONDITIONS.filter((k) => f.conditions[k].trim() !== "")
  return {
    name: f.name.trim(),
    rank: Number(f.rank),
    level_rates: levelsFrom(f.levels, true),
    conditions: set.length ? { ...Object.fromEntries(set.map((k) => [k, numberOrUndefined(f.conditions[k])])), match: f.match } : null,
    customer_group_id: f.group,
    can_view_team: f.team,
  }
}

/** Create or edit a grade: rates per level, upgrade conditions, customer group, team visibility. */
export const GradeForm = ({ grade, open, onClose }: { grade: Grade | null; open: boolean; onClose: () => void }) => {
  const { t } = useT()
  const writer = useTermsWriter("/grades")
  const [form, setForm] = useState<Form>(toForm(grade))
  const [errors, setErrors] = useState<FieldErrors>({})
  useEffect(() => {
    if (!open) return
    setForm(toForm(grade))
    setErrors({})
  }, [open, grade])
  const set = (patch: Partial<Form>) => setForm({ ...form, ...patch })

  const save = () => {
    const body = toBody(form)
    return submitForm(() => (grade ? writer.update(grade.id, body) : writer.create(body)), setErrors, (m) => fieldOfMessage(m, FIELDS, "level_rates"))
  }

  return (
    <FormDrawer open={open} onOpenChange={(o) => !o && onClose()} title={t(grade ? "rules.grades.edit" : "rules.grades.create")} onSave={save} errors={errors} testId="grade-form">
      <FormField id="grade-name" label={t("rules.fields.name")} error={errors.name}>
        <Input id="grade-name" size="small" value={form.name} onChange={(e) => set({ name: e.target.value })} />
      </FormField>
      <FormField id="grade-rank" label={t("rules.grades.rank")} help={t("rules.grades.rankHelp")} error={errors.rank}>
        <Input id="grade-rank" size="small" type="number" min={0} step={1} value={form.rank} onChange={(e) => set({ rank: e.target.value })} />
      </FormField>
      <FormField id="grade-level_rates" label={t("rules.fields.levelRates")} help={t("rules.grades.ratesHelp")} error={errors.level_rates}>
        <LevelInputs id="grade-level_rates" values={form.levels} unit="%" onChange={(levels) => set({ levels })} invalid={!!errors.level_rates} />
      </FormField>
      <FormField id="grade-conditions" label={t("rules.grades.conditions")} help={t("rules.grades.conditionsHelp")} error={errors.conditions}>
        <div className="grid grid-cols-2 gap-2">
          {CONDITIONS.map((k) => (
            <FormField key={k} id={`grade-${k}`} label={t(`rules.grades.condition.${k}`)} error={errors[k]}>
              <Input
                id={`grade-${k}`}
                size="small"
                type="number"
                min={0}
                step={k.endsWith("sales") ? "0.01" : 1}
                value={form.conditions[k]}
                onChange={(e) => set({ conditions: { ...form.conditions, [k]: e.target.value } })}
              />
            </FormField>
          ))}
        </div>
        <Select value={form.match} onValueChange={(v) => set({ match: v as Form["match"] })}>
          <Select.Trigger id="grade-match" data-testid="grade-match">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value="any">{t("rules.grades.match.any")}</Select.Item>
            <Select.Item value="all">{t("rules.grades.match.all")}</Select.Item>
          </Select.Content>
        </Select>
      </FormField>
      <FormField id="grade-group" label={t("rules.grades.group")} help={t("rules.grades.groupHelp")} error={errors.customer_group_id}>
        <EntityPicker id="grade-group" kind="customer_group" value={form.group} onChange={(group) => set({ group })} allowNone />
      </FormField>
      <FormField id="grade-team" label={t("rules.grades.canViewTeam")} help={t("rules.grades.canViewTeamHelp")} error={errors.can_view_team}>
        <Switch id="grade-team" checked={form.team} onCheckedChange={(team) => set({ team })} />
      </FormField>
    </FormDrawer>
  )
}
