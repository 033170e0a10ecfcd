import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Badge, createDataTableColumnHelper } from "@medusajs/ui"
import { useMemo } from "react"
import { useEntityNames } from "../../../components/rules/entities"
import { levelsText } from "../../../components/rules/levels-text"
import { RulesPreview } from "../../../components/rules/preview"
import { RuleFormDrawer } from "../../../components/rules/rule-form"
import { TermsTable, useTermsList } from "../../../components/rules/terms-table"
import type { Campaign, Rule } from "../../../components/rules/terms"
import { useFormat } from "../../../lib/format"
import { useT } from "../../../lib/i18n"

const helper = createDataTableColumnHelper<Rule>()

/** Names of the entities the rules point at, one lookup per scope. */
function useTargets(rules: Rule[]) {
  const ids = (scope: Rule["scope"]) => rules.filter((r) => r.scope === scope).map((r) => r.scope_id)
  const byScope: Record<Rule["scope"], Map<string, string>> = {
    product: useEntityNames("product", ids("product")),
    category: useEntityNames("category", ids("category")),
    collection: useEntityNames("collection", ids("collection")),
    product_type: useEntityNames("product_type", ids("product_type")),
  }
  return (r: Rule) => byScope[r.scope].get(r.scope_id) ?? r.scope_id
}

const RulesPage = () => {
  const { t } = useT()
  const f = useFormat()
  const all = useTermsList<Rule>("/rules", "rules")
  const campaigns = useTermsList<Campaign>("/campaigns", "campaigns")
  const target = useTargets(all.rows)
  const columns = useMemo(
    () => [
      helper.accessor("name", { header: t("rules.fields.name"), cell: ({ getValue }) => getValue() || "–" }),
      helper.accessor("scope", { header: t("rules.rules.scope"), cell: ({ getValue }) => t(`rules.scopes.${getValue()}`) }),
      helper.accessor("scope_id", { header: t("rules.rules.target"), cell: ({ row }) => <span data-testid="rule-target">{target(row.original)}</span> }),
      helper.accessor("kind", {
        header: t("rules.rules.kind"),
        cell: ({ getValue }) => <Badge size="2xsmall" color={getValue() === "none" ? "grey" : getValue() === "fixed" ? "purple" : "blue"}>{t(`rules.kinds.${getValue()}`)}</Badge>,
      }),
      helper.accessor("level_values", {
        header: t("rules.rules.levelValues"),
        cell: ({ row }) =>
          row.original.kind === "none"
            ? t("rules.kinds.noneShort")
            : levelsText(row.original.level_values, (v) => (row.original.kind === "rate" ? f.percent(v, 2) : f.money(v, row.original.currency_code ?? undefined))),
      }),
      helper.accessor("priority", { header: t("rules.rules.priority") }),
    ],
    [t, f.locale, target]
  )
  return (
    <div className="flex flex-col gap-y-3">
      <TermsTable<Rule>
        path="/rules"
        plural="rules"
        testId="rules-page"
        title={t("rules.rules.title")}
        subtitle={t("rules.rules.subtitle")}
        emptyHint={t("rules.rules.emptyHint")}
        columns={columns}
        deleteTitle={(r) => t("rules.rules.deleteTitle", { name: r.name || target(r) })}
        form={(editing, close) => <RuleFormDrawer open={!!editing} rule={editing?.row ?? null} onClose={close} />}
      />
      <RulesPreview rules={all.data ? all.rows : undefined} campaigns={campaigns.rows} />
    </div>
  )
}

export const config = defineRouteConfig({ label: "rules.nav.rules", rank: 8, translationNs: "distribution" })

export default RulesPage
