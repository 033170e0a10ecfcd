import { XMark } from "@medusajs/icons"
import { Badge, Input, Select } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useT } from "../../lib/i18n"
import { useEntityNames } from "./entities"
import { EntityPicker } from "./entity-picker"
import { FieldErrors, FormDrawer, FormField, LevelInputs, submitForm } from "./form-parts"
import { Campaign, CAMPAIGN_SCOPES, fieldOfMessage, levelBoxes, levelsFrom, useTermsWriter } from "./terms"

const FIELDS = ["name", "starts_at", "ends_at", "scope_ids", "scope", "multiplier", "level_rates"]

type Form = { name: string; starts: string; ends: string; scope: Campaign["scope"]; ids: string[]; multiplier: string; levels: string[] }

/** An instant as the value of a `datetime-local` box, in the admin's own time zone. */
const localInput = (iso: string | undefined) => {
  if (!iso) return ""
  const d = new Date(iso)
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16)
}

function toForm(c: Campaign | null): Form {
  return {
    name: c?.name ?? "",
    starts: localInput(c?.starts_at),
    ends: localInput(c?.ends_at),
    scope: c?.scope ?? "all",
    ids: c?.scope_ids ?? [],
    multiplier: c?.multiplier ? String(c.multiplier) : "",
    levels: levelBoxes(c?.level_rates, true),
  }
}

function toBody(f: Form) {
  const levels = levelsFrom(f.levels, true)
  return {
    name: f.name.trim(),
    starts_at: f.starts ? new Date(f.starts).toISOString() : "",
    ends_at: f.ends ? new Date(f.ends).toISOString() : "",
    scope: f.scope,
    scope_ids: f.scope === "all" ? null : f.ids,
    multiplier: f.multiplier.trim() ? Number(f.multiplier) : null,
    level_rates: levels.length ? levels : null,
  }
}

/** Several products or categories: a picker that adds, and a badge per chosen one. */
const ScopeIds = ({ scope, ids, onChange }: { scope: "product" | "category"; ids: string[]; onChange: (ids: string[]) => void }) => {
  const names = useEntityNames(scope, ids)
  return (
    <div className="flex flex-col gap-y-2">
      <EntityPicker id="campaign-scope_ids" kind={scope} value={null} onChange={(id) => id && !ids.includes(id) && onChange([...ids, id])} />
      <div className="flex flex-wrap gap-1">
        {ids.map((id) => (
          <Badge key={id} size="2xsmall" className="flex items-center gap-x-1">
            {names.get(id) ?? id}
            <button type="button" onClick={() => onChange(ids.filter((x) => x !== id))}>
              <XMark />
            </button>
          </Badge>
        ))}
      </div>
    </div>
  )
}

/** Create or edit a time-boxed campaign: a multiplier on the rates, or rates of its own. */
export const CampaignForm = ({ campaign, open, onClose }: { campaign: Campaign | null; open: boolean; onClose: () => void }) => {
  const { t } = useT()
  const writer = useTermsWriter("/campaigns")
  const [form, setForm] = useState<Form>(toForm(campaign))
  const [errors, setErrors] = useState<FieldErrors>({})
  useEffect(() => {
    if (!open) return
    setForm(toForm(campaign))
    setErrors({})
  }, [open, campaign])
  const set = (patch: Partial<Form>) => setForm({ ...form, ...patch })
  const save = () => {
    const body = toBody(form)
    // The guards name the multiplier when it is what breaks max_total_rate.
    const fieldOf = (m: string) => (/multiplies/.test(m) ? "multiplier" : fieldOfMessage(m, FIELDS, "level_rates"))
    return submitForm(() => (campaign ? writer.update(campaign.id, body) : writer.create(body)), setErrors, fieldOf)
  }
  return (
    <FormDrawer open={open} onOpenChange={(o) => !o && onClose()} title={t(campaign ? "rules.campaigns.edit" : "rules.campaigns.create")} onSave={save} errors={errors} testId="campaign-form">
      <FormField id="campaign-name" label={t("rules.fields.name")} error={errors.name}>
        <Input id="campaign-name" size="small" value={form.name} onChange={(e) => set({ name: e.target.value })} />
      </FormField>
      <div className="grid grid-cols-2 gap-2">
        <FormField id="campaign-starts_at" label={t("rules.campaigns.startsAt")} error={errors.starts_at}>
          <Input id="campaign-starts_at" size="small" type="datetime-local" value={form.starts} onChange={(e) => set({ starts: e.target.value })} />
        </FormField>
        <FormField id="campaign-ends_at" label={t("rules.campaigns.endsAt")} error={errors.ends_at}>
          <Input id="campaign-ends_at" size="small" type="datetime-local" value={form.ends} onChange={(e) => set({ ends: e.target.value })} />
        </FormField>
      </div>
      <FormField id="campaign-scope" label={t("rules.campaigns.scope")} error={errors.scope ?? errors.scope_ids}>
        <Select value={form.scope} onValueChange={(v) => set({ scope: v as Form["scope"], ids: [] })}>
          <Select.Trigger id="campaign-scope" data-testid="campaign-scope">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {CAMPAIGN_SCOPES.map((s) => (
              <Select.Item key={s} value={s}>
                {t(`rules.scopes.${s}`)}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
        {form.scope !== "all" && <ScopeIds scope={form.scope} ids={form.ids} onChange={(ids) => set({ ids })} />}
      </FormField>
      <FormField id="campaign-multiplier" label={t("rules.campaigns.multiplier")} help={t("rules.campaigns.multiplierHelp")} error={errors.multiplier}>
        <Input id="campaign-multiplier" size="small" type="number" min={0} step="0.1" value={form.multiplier} onChange={(e) => set({ multiplier: e.target.value })} />
      </FormField>
      <FormField id="campaign-level_rates" label={t("rules.campaigns.levelRates")} help={t("rules.campaigns.levelRatesHelp")} error={errors.level_rates}>
        <LevelInputs id="campaign-level_rates" values={form.levels} unit="%" onChange={(levels) => set({ levels })} invalid={!!errors.level_rates} />
      </FormField>
    </FormDrawer>
  )
}
