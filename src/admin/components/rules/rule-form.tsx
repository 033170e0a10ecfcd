import { Input, Select } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useT } from "../../lib/i18n"
import { EntityPicker } from "./entity-picker"
import { FieldErrors, FormDrawer, FormField, LevelInputs, submitForm } from "./form-parts"
import { fieldOfMessage, levelBoxes, levelsFrom, Rule, RULE_KINDS, RULE_SCOPES, RuleScope, useTermsWriter } from "./terms"

const FIELDS = ["name", "scope_id", "scope", "kind", "level_values", "currency_code", "priority"]

export type RuleForm = { name: string; scope: RuleScope; scope_id: string | null; kind: Rule["kind"]; levels: string[]; currency: string; priority: string }

export function ruleToForm(r: Partial<Rule> | null): RuleForm {
  const kind = r?.kind ?? "rate"
  return {
    name: r?.name ?? "",
    scope: r?.scope ?? "product",
    scope_id: r?.scope_id ?? null,
    kind,
    levels: levelBoxes(r?.level_values, kind === "rate"),
    currency: r?.currency_code ?? "",
    priority: String(r?.priority ?? 0),
  }
}

/** What `POST /admin/distribution/rules` (and the preview's `rules`) take: rates as fractions, fixed amounts per unit. */
export function ruleBody(f: RuleForm) {
  return {
    ...(f.name.trim() ? { name: f.name.trim() } : {}),
    scope: f.scope,
    scope_id: f.scope_id ?? "",
    kind: f.kind,
    level_values: f.kind === "none" ? [] : levelsFrom(f.levels, f.kind === "rate"),
    ...(f.kind === "fixed" ? { currency_code: f.currency.trim().toLowerCase() } : {}),
    priority: Number(f.priority || 0),
  }
}

export const ruleFieldOf = (m: string) => fieldOfMessage(m, FIELDS, "level_values")

/** The fields of a rule, shared by the rule drawer and the preview's draft editor. */
export const RuleFields = ({ id, form, onChange, errors }: { id: string; form: RuleForm; onChange: (f: RuleForm) => void; errors: FieldErrors }) => {
  const { t } = useT()
  const set = (patch: Partial<RuleForm>) => onChange({ ...form, ...patch })
  return (
    <>
      <FormField id={`${id}-name`} label={t("rules.fields.nameOptional")} error={errors.name}>
        <Input id={`${id}-name`} size="small" value={form.name} onChange={(e) => set({ name: e.target.value })} />
      </FormField>
      <FormField id={`${id}-scope`} label={t("rules.rules.scope")} help={t("rules.rules.scopeHelp")} error={errors.scope}>
        <Select value={form.scope} onValueChange={(v) => set({ scope: v as RuleScope, scope_id: null })}>
          <Select.Trigger id={`${id}-scope`} data-testid={`${id}-scope`}>
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {RULE_SCOPES.map((s) => (
              <Select.Item key={s} value={s}>
                {t(`rules.scopes.${s}`)}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </FormField>
      <FormField id={`${id}-scope_id`} label={t(`rules.scopes.${form.scope}`)} error={errors.scope_id}>
        <EntityPicker id={`${id}-scope_id`} kind={form.scope} value={form.scope_id} onChange={(scope_id) => set({ scope_id })} invalid={!!errors.scope_id} />
      </FormField>
      <FormField id={`${id}-kind`} label={t("rules.rules.kind")} help={t(`rules.kinds.${form.kind}Help`)} error={errors.kind}>
        <Select value={form.kind} onValueChange={(v) => set({ kind: v as RuleForm["kind"] })}>
          <Select.Trigger id={`${id}-kind`} data-testid={`${id}-kind`}>
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {RULE_KINDS.map((k) => (
              <Select.Item key={k} value={k}>
                {t(`rules.kinds.${k}`)}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </FormField>
      {form.kind !== "none" && (
        <FormField id={`${id}-level_values`} label={t("rules.rules.levelValues")} error={errors.level_values}>
          <LevelInputs
            id={`${id}-level_values`}
            values={form.levels}
            unit={form.kind === "rate" ? "%" : form.currency.toUpperCase() || t("rules.rules.perUnit")}
            onChange={(levels) => set({ levels })}
            invalid={!!errors.level_values}
          />
        </FormField>
      )}
      {form.kind === "fixed" && (
        <FormField id={`${id}-currency_code`} label={t("rules.fields.currency")} help={t("rules.fields.currencyHelp")} error={errors.currency_code}>
          <Input id={`${id}-currency_code`} size="small" maxLength={3} value={form.currency} onChange={(e) => set({ currency: e.target.value })} />
        </FormField>
      )}
      <FormField id={`${id}-priority`} label={t("rules.rules.priority")} help={t("rules.rules.priorityHelp")} error={errors.priority}>
        <Input id={`${id}-priority`} size="small" type="number" step={1} value={form.priority} onChange={(e) => set({ priority: e.target.value })} />
      </FormField>
    </>
  )
}

/** Create or edit a rule; the guards' refusals (max_total_rate, 3 levels) show on the level values. */
export const RuleFormDrawer = ({ rule, open, onClose }: { rule: Rule | null; open: boolean; onClose: () => void }) => {
  const { t } = useT()
  const writer = useTermsWriter("/rules")
  const [form, setForm] = useState<RuleForm>(ruleToForm(rule))
  const [errors, setErrors] = useState<FieldErrors>({})
  useEffect(() => {
    if (!open) return
    setForm(ruleToForm(rule))
    setErrors({})
  }, [open, rule])
  const save = () => {
    const body = ruleBody(form)
    return submitForm(() => (rule ? writer.update(rule.id, body) : writer.create(body)), setErrors, ruleFieldOf)
  }
  return (
    <FormDrawer open={open} onOpenChange={(o) => !o && onClose()} title={t(rule ? "rules.rules.edit" : "rules.rules.create")} onSave={save} errors={errors} testId="rule-form">
      <RuleFields id="rule" form={form} onChange={setForm} errors={errors} />
    </FormDrawer>
  )
}
