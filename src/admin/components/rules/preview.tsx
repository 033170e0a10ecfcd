import { PencilSquare, Plus, Trash } from "@medusajs/icons"
import { Button, Container, Heading, IconButton, Table, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { DateRange, DateRangeInputs, defaultRange } from "../date-range"
import { Empty, ErrorState, Loading } from "../states"
import { errorMessage, post } from "../../lib/api"
import { useFormat } from "../../lib/format"
import { useT } from "../../lib/i18n"
import { useEntityNames } from "./entities"
import { FieldErrors, FormDrawer } from "./form-parts"
import { levelsText } from "./levels-text"
import { RuleFields, RuleForm, ruleBody, ruleToForm } from "./rule-form"
import { Campaign, PreviewResponse, PreviewTotals, Rule } from "./terms"

/** The campaigns in force go into the draft as they are: only the rules differ. */
const campaignBody = (c: Campaign) => ({
  name: c.name,
  starts_at: c.starts_at,
  ends_at: c.ends_at,
  scope: c.scope,
  scope_ids: c.scope_ids,
  multiplier: c.multiplier,
  level_rates: c.level_rates,
})

/** One draft rule's line: what it covers, how it pays. */
const DraftRow = ({ index, rule, names, onEdit, onRemove }: { index: number; rule: RuleForm; names: Map<string, string>; onEdit: () => void; onRemove: () => void }) => {
  const { t } = useT()
  const f = useFormat()
  const body = ruleBody(rule)
  return (
    <Table.Row data-testid="draft-rule">
      <Table.Cell>{t(`rules.scopes.${rule.scope}`)}</Table.Cell>
      <Table.Cell>{(rule.scope_id && names.get(rule.scope_id)) ?? rule.scope_id ?? "–"}</Table.Cell>
      <Table.Cell>{t(`rules.kinds.${rule.kind}`)}</Table.Cell>
      <Table.Cell>
        {rule.kind === "none" ? "–" : levelsText(body.level_values, (v) => (rule.kind === "rate" ? f.percent(v, 2) : f.money(v, body.currency_code || undefined)))}
      </Table.Cell>
      <Table.Cell>{body.priority}</Table.Cell>
      <Table.Cell className="text-right">
        <IconButton size="small" variant="transparent" onClick={onEdit} aria-label={t("common.edit")} data-testid={`draft-edit-${index}`}>
          <PencilSquare />
        </IconButton>
        <IconButton size="small" variant="transparent" onClick={onRemove} aria-label={t("rules.common.delete")} data-testid={`draft-remove-${index}`}>
          <Trash />
        </IconButton>
      </Table.Cell>
    </Table.Row>
  )
}

/** Current and draft totals side by side, one table per currency. */
const Comparison = ({ result }: { result: PreviewResponse }) => {
  const { t } = useT()
  const f = useFormat()
  const currencies = [...new Set([...result.current, ...result.draft].map((r) => r.currency_code))].sort()
  if (!currencies.length) return <Empty title={t("rules.preview.noOrders")} />
  const levels = [1, 2, 3]
  const find = (list: PreviewTotals[], c: string) => list.find((r) => r.currency_code === c)
  return (
    <div className="flex flex-col gap-y-4 px-6 py-4" data-testid="preview-result">
      <Text size="small" className="text-ui-fg-subtle">
        {t("rules.preview.considered", { count: result.orders_considered })}
        {result.truncated ? ` ${t("rules.preview.truncated")}` : ""}
      </Text>
      {currencies.map((c) => {
        const cur = find(result.current, c)
        const dra = find(result.draft, c)
        const money = (v: string | undefined) => f.money(v === undefined ? 0 : Number(v), c)
        const level = (r: PreviewTotals | undefined, l: number) => money(r?.levels.find((x) => x.level === l)?.amount ?? "0")
        const rows: [string, string, string, string][] = [
          ["orders", t("rules.preview.orders"), f.number(cur?.orders ?? 0), f.number(dra?.orders ?? 0)],
          ["gmv", t("rules.preview.gmv"), money(cur?.gmv), money(dra?.gmv)],
          ["total", t("rules.preview.total"), money(cur?.total), money(dra?.total)],
          ...levels.map((l): [string, string, string, string] => [`level-${l}`, t("common.levelN", { level: l }), level(cur, l), level(dra, l)]),
          ["share", t("rules.preview.share"), f.percent(Number(cur?.share_of_gmv ?? 0), 2), f.percent(Number(dra?.share_of_gmv ?? 0), 2)],
        ]
        return (
          <Table key={c} data-testid={`preview-${c}`}>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>{c.toUpperCase()}</Table.HeaderCell>
                <Table.HeaderCell className="text-right">{t("rules.preview.current")}</Table.HeaderCell>
                <Table.HeaderCell className="text-right">{t("rules.preview.draft")}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {rows.map(([key, label, a, b]) => (
                <Table.Row key={key}>
                  <Table.Cell>{label}</Table.Cell>
                  <Table.Cell className="text-right" data-testid={`current-${key}`}>
                    {a}
                  </Table.Cell>
                  <Table.Cell className={`text-right ${a !== b ? "text-ui-fg-interactive" : ""}`} data-testid={`draft-${key}`}>
                    {b}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )
      })}
    </div>
  )
}

/**
 * What-if: edit a draft rule set (starting from the rules in force), pick a range, and see
 * what the range's real orders would have paid under it next to what they pay now.
 * Nothing is saved: `POST /admin/distribution/rules/preview` writes nothing.
 */
export const RulesPreview = ({ rules, campaigns }: { rules: Rule[] | undefined; campaigns: Campaign[] }) => {
  const { t } = useT()
  const [draft, setDraft] = useState<RuleForm[] | null>(null)
  const [range, setRange] = useState<Partial<DateRange>>(defaultRange())
  const [editing, setEditing] = useState<{ index: number | null; form: RuleForm } | null>(null)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [result, setResult] = useState<PreviewResponse | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    if (rules && draft === null) setDraft(rules.map(ruleToForm))
  }, [rules, draft])
  const names = {
    product: useEntityNames("product", (draft ?? []).filter((r) => r.scope === "product").map((r) => r.scope_id ?? "")),
    category: useEntityNames("category", (draft ?? []).filter((r) => r.scope === "category").map((r) => r.scope_id ?? "")),
    collection: useEntityNames("collection", (draft ?? []).filter((r) => r.scope === "collection").map((r) => r.scope_id ?? "")),
    product_type: useEntityNames("product_type", (draft ?? []).filter((r) => r.scope === "product_type").map((r) => r.scope_id ?? "")),
  }

  const run = async () => {
    setBusy(true)
    setError(null)
    try {
      setResult(await post<PreviewResponse>("/rules/preview", { rules: (draft ?? []).map(ruleBody), campaigns: campaigns.map(campaignBody), from: range.from, to: range.to }))
    } catch (e) {
      setResult(null)
      setError(e)
    } finally {
      setBusy(false)
    }
  }
  const saveDraft = async () => {
    if (!editing) return false
    const body = ruleBody(editing.form)
    // The draft is checked by the server's validator on Run; here only what can't be sent at all.
    if (!body.scope_id) {
      setErrors({ scope_id: t("common.required") })
      return false
    }
    const next = [...(draft ?? [])]
    if (editing.index === null) next.push(editing.form)
    else next[editing.index] = editing.form
    setDraft(next)
    setErrors({})
    return true
  }

  return (
    <Container className="divide-y p-0" data-testid="rules-preview">
      <div className="flex flex-wrap items-end justify-between gap-4 px-6 py-4">
        <div>
          <Heading level="h2">{t("rules.preview.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("rules.preview.subtitle")}
          </Text>
        </div>
        <div className="flex items-end gap-x-2">
          <DateRangeInputs value={range} onChange={setRange} />
          <Button size="small" variant="secondary" onClick={() => (setDraft(rules?.map(ruleToForm) ?? []), setResult(null))}>
            {t("rules.preview.reset")}
          </Button>
          <Button size="small" onClick={run} isLoading={busy} disabled={!draft || !range.from || !range.to} data-testid="preview-run">
            {t("rules.preview.run")}
          </Button>
        </div>
      </div>
      <div className="flex items-center justify-between px-6 py-3">
        <Text size="small" weight="plus">
          {t("rules.preview.draftRules", { count: draft?.length ?? 0 })}
        </Text>
        <Button size="small" variant="transparent" onClick={() => (setErrors({}), setEditing({ index: null, form: ruleToForm(null) }))} data-testid="draft-add">
          <Plus />
          {t("rules.preview.addRule")}
        </Button>
      </div>
      {!draft ? (
        <Loading />
      ) : draft.length ? (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{t("rules.rules.scope")}</Table.HeaderCell>
              <Table.HeaderCell>{t("rules.rules.target")}</Table.HeaderCell>
              <Table.HeaderCell>{t("rules.rules.kind")}</Table.HeaderCell>
              <Table.HeaderCell>{t("rules.rules.levelValues")}</Table.HeaderCell>
              <Table.HeaderCell>{t("rules.rules.priority")}</Table.HeaderCell>
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {draft.map((r, i) => (
              <DraftRow
                key={i}
                index={i}
                rule={r}
                names={names[r.scope]}
                onEdit={() => (setErrors({}), setEditing({ index: i, form: r }))}
                onRemove={() => setDraft(draft.filter((_, j) => j !== i))}
              />
            ))}
          </Table.Body>
        </Table>
      ) : (
        <Empty title={t("rules.preview.noDraftRules")} />
      )}
      {error ? <ErrorState error={new Error(errorMessage(error))} /> : result ? <Comparison result={result} /> : null}
      <FormDrawer
        open={!!editing}
        onOpenChange={(o) => !o && setEditing(null)}
        title={t(editing?.index === null ? "rules.preview.addRule" : "rules.preview.editRule")}
        description={t("rules.preview.draftHint")}
        onSave={saveDraft}
        errors={errors}
        testId="draft-form"
      >
        {editing && <RuleFields id="draft" form={editing.form} onChange={(form) => setEditing({ ...editing, form })} errors={errors} />}
      </FormDrawer>
    </Container>
  )
}
