import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Button, Checkbox, Container, Heading, Input, Label, Select, Switch, Table, Text, toast } from "@medusajs/ui"
import { useQuery, useQueryClient } from "@tanstack/react-query"
import { ReactNode, useEffect, useState } from "react"
import { Empty, ErrorState, Loading, PageError, SectionHeader } from "../../../components/states"
import { errorMessage, keys, post, useDistributionQuery } from "../../../lib/api"
import { useFormat } from "../../../lib/format"
import { useT } from "../../../lib/i18n"
import { sdk } from "../../../lib/sdk"
import { fieldOfError, SETTING_KEYS as KEYS } from "../../../lib/settings"
import type { SettingChange, Settings, SettingsResponse } from "../../../lib/types"

const ENROLLMENT = ["open", "approval", "after_first_order", "invite_only"] as const
const BINDING = ["first", "override", "expiring"] as const
const TRIGGERS = ["delivered_or_completed", "completed", "captured"] as const
const METHODS = ["bank_transfer", "alipay", "wechat", "paypal", "store_credit"] as const

/** Fractions are edited as percentages; both directions round away float noise. */
const toPercent = (fraction: number) => String(Number((fraction * 100).toFixed(6)))
const toFraction = (percent: string) => Number((Number(percent) / 100).toFixed(8))

type Form = Record<keyof Settings, unknown>

function toForm(s: Settings): Form {
  return {
    ...s,
    level_rates: [0, 1, 2].map((i) => (s.level_rates[i] !== undefined ? toPercent(s.level_rates[i]) : "")),
    max_total_rate: toPercent(s.max_total_rate),
    withdrawal_fee_rate: toPercent(s.withdrawal_fee_rate),
    max_levels: String(s.max_levels),
    binding_days: String(s.binding_days),
    freeze_days: String(s.freeze_days),
    withdrawal_min: String(s.withdrawal_min),
    withdrawal_max: s.withdrawal_max === null ? "" : String(s.withdrawal_max),
    withdrawal_daily_max: s.withdrawal_daily_max === null ? "" : String(s.withdrawal_daily_max),
    share_promotion_code: s.share_promotion_code ?? "",
    refer_reward_n: String(s.refer_reward_n),
    refer_reward_window_days: String(s.refer_reward_window_days),
    refer_reward_cap: s.refer_reward_cap === null ? "" : String(s.refer_reward_cap),
  }
}

function fromForm(f: Form): Settings {
  const num = (v: unknown) => (v === "" || v === null || v === undefined ? NaN : Number(v))
  const orNull = (v: unknown) => (v === "" ? null : Number(v))
  const levels = Number(f.max_levels)
  return {
    enabled: !!f.enabled,
    max_levels: levels,
    level_rates: (f.level_rates as string[]).slice(0, levels).map(toFraction),
    max_total_rate: toFraction(String(f.max_total_rate)),
    enrollment_mode: f.enrollment_mode as Settings["enrollment_mode"],
    binding_policy: f.binding_policy as Settings["binding_policy"],
    binding_days: num(f.binding_days),
    self_purchase: !!f.self_purchase,
    settlement_trigger: f.settlement_trigger as Settings["settlement_trigger"],
    freeze_days: num(f.freeze_days),
    withdrawal_min: num(f.withdrawal_min),
    withdrawal_max: orNull(f.withdrawal_max),
    withdrawal_daily_max: orNull(f.withdrawal_daily_max),
    withdrawal_fee_rate: toFraction(String(f.withdrawal_fee_rate)),
    withdrawal_methods: f.withdrawal_methods as string[],
    storefront_url: String(f.storefront_url).trim(),
    share_promotion_code: String(f.share_promotion_code ?? "").trim() || null,
    refer_reward_enabled: !!f.refer_reward_enabled,
    refer_reward_n: num(f.refer_reward_n),
    refer_reward_window_days: num(f.refer_reward_window_days),
    refer_reward_cap: orNull(f.refer_reward_cap),
  }
}

const Field = ({ name, children, error }: { name: keyof Settings; children: ReactNode; error?: string }) => {
  const { t } = useT()
  return (
    <div className="grid grid-cols-1 gap-2 px-6 py-4 md:grid-cols-2" data-testid={`setting-${name}`}>
      <div className="flex flex-col gap-y-1">
        <Label size="small" weight="plus" htmlFor={`setting-input-${name}`}>
          {t(`settings.fields.${name}.label`)}
        </Label>
        <Text size="small" className="text-ui-fg-subtle">
          {t(`settings.fields.${name}.help`)}
        </Text>
      </div>
      <div className="flex flex-col gap-y-1">
        {children}
        {error && (
          <Text size="small" className="text-ui-fg-error" role="alert" data-testid={`setting-error-${name}`}>
            {error}
          </Text>
        )}
      </div>
    </div>
  )
}

const Choice = ({ name, value, options, onChange }: { name: string; value: string; options: readonly string[]; onChange: (v: string) => void }) => {
  const { t } = useT()
  return (
    <Select value={value} onValueChange={onChange}>
      <Select.Trigger id={`setting-input-${name}`}>
        <Select.Value />
      </Select.Trigger>
      <Select.Content>
        {options.map((o) => (
          <Select.Item key={o} value={o}>
            {t(`settings.options.${name}.${o}`)}
          </Select.Item>
        ))}
      </Select.Content>
    </Select>
  )
}

/** "Who, when, from → to" for every recorded change, newest first. */
const ChangeLog = ({ changes }: { changes: SettingChange[] }) => {
  const { t } = useT()
  const f = useFormat()
  const users = useQuery({
    queryKey: ["distribution", "users"],
    queryFn: () => sdk.admin.user.list({ limit: 100, fields: "id,email,first_name,last_name" }),
    enabled: changes.some((c) => c.actor_id),
  })
  const who = (id: string | null) => {
    if (!id) return t("settings.log.system")
    const u = users.data?.users.find((x) => x.id === id)
    return u ? [u.first_name, u.last_name].filter(Boolean).join(" ") || u.email : id
  }
  const show = (v: unknown) => (v === null || v === undefined ? t("common.none") : typeof v === "object" ? JSON.stringify(v) : String(v))
  if (!changes.length) return <Empty title={t("settings.log.empty")} />
  return (
    <Table data-testid="settings-log">
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>{t("settings.log.when")}</Table.HeaderCell>
          <Table.HeaderCell>{t("settings.log.who")}</Table.HeaderCell>
          <Table.HeaderCell>{t("settings.log.setting")}</Table.HeaderCell>
          <Table.HeaderCell>{t("settings.log.change")}</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {changes.flatMap((c) =>
          Object.entries(c.changes ?? {}).map(([key, change]) => (
            <Table.Row key={`${c.id}-${key}`} data-testid="settings-log-row" data-key={key}>
              <Table.Cell>{f.dateTime(c.created_at)}</Table.Cell>
              <Table.Cell>{who(c.actor_id)}</Table.Cell>
              <Table.Cell>{t(`settings.fields.${key}.label`, { defaultValue: key })}</Table.Cell>
              <Table.Cell className="font-mono">
                {show(change?.from)} → {show(change?.to)}
              </Table.Cell>
            </Table.Row>
          ))
        )}
      </Table.Body>
    </Table>
  )
}

const SettingsPage = () => {
  const { t } = useT()
  const client = useQueryClient()
  const { data, error, isLoading, refetch } = useDistributionQuery<SettingsResponse>(keys.settings, "/settings")
  const [form, setForm] = useState<Form | null>(null)
  const [errors, setErrors] = useState<Partial<Record<keyof Settings | "_form", string>>>({})
  const [saving, setSaving] = useState(false)
  useEffect(() => {
    if (data) setForm(toForm(data.settings))
  }, [data])

  if (isLoading || (!form && !error)) return <Container className="p-0"><Loading /></Container>
  if (error || !data || !form) return <PageError error={error} retry={() => refetch()} />

  const set = (key: keyof Settings, value: unknown) => {
    setForm({ ...form, [key]: value })
    setErrors({ ...errors, [key]: undefined, _form: undefined })
  }
  const next = fromForm(form)
  const patch = Object.fromEntries(KEYS.filter((k) => JSON.stringify(next[k]) !== JSON.stringify(data.settings[k])).map((k) => [k, next[k]]))
  const dirty = Object.keys(patch).length > 0

  const save = async () => {
    const local: typeof errors = {}
    for (const k of ["binding_days", "freeze_days", "withdrawal_min", "refer_reward_n", "refer_reward_window_days"] as const) if (Number.isNaN(next[k])) local[k] = t("common.required")
    if (Object.keys(local).length) return setErrors(local)
    setSaving(true)
    try {
      await post("/settings", patch)
      await client.invalidateQueries({ queryKey: keys.all })
      setErrors({})
      toast.success(t("settings.saved"))
    } catch (e) {
      const message = errorMessage(e)
      setErrors({ [fieldOfError(message) ?? "_form"]: message })
    } finally {
      setSaving(false)
    }
  }

  const text = (key: keyof Settings, props: Record<string, unknown> = {}) => (
    <Input id={`setting-input-${key}`} value={String(form[key] ?? "")} onChange={(e) => set(key, e.target.value)} aria-invalid={!!errors[key]} {...props} />
  )
  const levels = Number(form.max_levels)

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <SectionHeader
          level="h1"
          title={t("settings.title")}
          subtitle={t("settings.subtitle")}
          actions={
            <>
              <Button size="small" variant="secondary" disabled={!dirty || saving} onClick={() => (setForm(toForm(data.settings)), setErrors({}))}>
                {t("common.reset")}
              </Button>
              <Button size="small" disabled={!dirty} isLoading={saving} onClick={save} data-testid="settings-save">
                {t("common.save")}
              </Button>
            </>
          }
        />
        {errors._form && (
          <div className="px-6 py-3">
            <ErrorState className="" error={new Error(errors._form)} />
          </div>
        )}
        <Field name="enabled" error={errors.enabled}>
          <Switch id="setting-input-enabled" checked={!!form.enabled} onCheckedChange={(v) => set("enabled", v)} />
        </Field>
        <Field name="max_levels" error={errors.max_levels}>
          <Choice name="max_levels" value={String(form.max_levels)} options={["1", "2", "3"]} onChange={(v) => set("max_levels", v)} />
        </Field>
        <Field name="level_rates" error={errors.level_rates}>
          <div className="grid grid-cols-3 gap-2">
            {[0, 1, 2].slice(0, levels).map((i) => (
              <div key={i} className="flex flex-col gap-y-1">
                <Label size="xsmall" htmlFor={`setting-input-level_rates-${i}`}>{t("common.levelN", { level: i + 1 })}</Label>
                <Input
                  id={`setting-input-level_rates-${i}`}
                  type="number"
                  min={0}
                  max={100}
                  step="0.01"
                  value={(form.level_rates as string[])[i] ?? ""}
                  onChange={(e) => set("level_rates", (form.level_rates as string[]).map((r, j) => (j === i ? e.target.value : r)))}
                />
              </div>
            ))}
          </div>
        </Field>
        <Field name="max_total_rate" error={errors.max_total_rate}>{text("max_total_rate", { type: "number", min: 0, max: 100, step: "0.01" })}</Field>
        <Field name="enrollment_mode" error={errors.enrollment_mode}>
          <Choice name="enrollment_mode" value={String(form.enrollment_mode)} options={ENROLLMENT} onChange={(v) => set("enrollment_mode", v)} />
        </Field>
        <Field name="binding_policy" error={errors.binding_policy}>
          <Choice name="binding_policy" value={String(form.binding_policy)} options={BINDING} onChange={(v) => set("binding_policy", v)} />
        </Field>
        <Field name="binding_days" error={errors.binding_days}>{text("binding_days", { type: "number", min: 1, step: 1 })}</Field>
        <Field name="self_purchase" error={errors.self_purchase}>
          <Switch id="setting-input-self_purchase" checked={!!form.self_purchase} onCheckedChange={(v) => set("self_purchase", v)} />
        </Field>
        <Field name="settlement_trigger" error={errors.settlement_trigger}>
          <Choice name="settlement_trigger" value={String(form.settlement_trigger)} options={TRIGGERS} onChange={(v) => set("settlement_trigger", v)} />
        </Field>
        <Field name="freeze_days" error={errors.freeze_days}>{text("freeze_days", { type: "number", min: 0, step: 1 })}</Field>
        <Field name="withdrawal_min" error={errors.withdrawal_min}>{text("withdrawal_min", { type: "number", min: 0, step: "0.01" })}</Field>
        <Field name="withdrawal_max" error={errors.withdrawal_max}>{text("withdrawal_max", { type: "number", min: 0, step: "0.01", placeholder: t("settings.noLimit") })}</Field>
        <Field name="withdrawal_daily_max" error={errors.withdrawal_daily_max}>
          {text("withdrawal_daily_max", { type: "number", min: 0, step: "0.01", placeholder: t("settings.noLimit") })}
        </Field>
        <Field name="withdrawal_fee_rate" error={errors.withdrawal_fee_rate}>{text("withdrawal_fee_rate", { type: "number", min: 0, max: 100, step: "0.01" })}</Field>
        <Field name="withdrawal_methods" error={errors.withdrawal_methods}>
          <div className="flex flex-col gap-y-2">
            {METHODS.map((m) => {
              const chosen = form.withdrawal_methods as string[]
              return (
                <div key={m} className="flex items-center gap-x-2">
                  <Checkbox
                    id={`setting-method-${m}`}
                    checked={chosen.includes(m)}
                    onCheckedChange={(v) => set("withdrawal_methods", v ? [...chosen, m] : chosen.filter((x) => x !== m))}
                  />
                  <Label size="small" htmlFor={`setting-method-${m}`}>{t(`methods.${m}`)}</Label>
                </div>
              )
            })}
          </div>
        </Field>
        <Field name="storefront_url" error={errors.storefront_url}>{text("storefront_url", { type: "url" })}</Field>
        <Field name="share_promotion_code" error={errors.share_promotion_code}>{text("share_promotion_code", { placeholder: t("common.none") })}</Field>
        <Field name="refer_reward_enabled" error={errors.refer_reward_enabled}>
          <Switch id="setting-input-refer_reward_enabled" checked={!!form.refer_reward_enabled} onCheckedChange={(v) => set("refer_reward_enabled", v)} />
        </Field>
        <Field name="refer_reward_n" error={errors.refer_reward_n}>{text("refer_reward_n", { type: "number", min: 2, max: 20, step: 1 })}</Field>
        <Field name="refer_reward_window_days" error={errors.refer_reward_window_days}>{text("refer_reward_window_days", { type: "number", min: 1, max: 365, step: 1 })}</Field>
        <Field name="refer_reward_cap" error={errors.refer_reward_cap}>{text("refer_reward_cap", { type: "number", min: 0, step: "0.01", placeholder: t("settings.noLimit") })}</Field>
      </Container>
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h2">{t("settings.log.title")}</Heading>
        </div>
        <ChangeLog changes={data.changes ?? []} />
      </Container>
    </div>
  )
}

export const config = defineRouteConfig({ label: "nav.settings", rank: 13, translationNs: "distribution" })

export default SettingsPage
