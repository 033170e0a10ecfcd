import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Badge, createDataTableColumnHelper } from "@medusajs/ui"
import { useMemo } from "react"
import { useEntityNames } from "../../../components/rules/entities"
import { GradeForm } from "../../../components/rules/grade-form"
import { levelsText } from "../../../components/rules/levels-text"
import { TermsTable, useTermsList } from "../../../components/rules/terms-table"
import type { Grade } from "../../../components/rules/terms"
import { useFormat } from "../../../lib/format"
import { useT } from "../../../lib/i18n"

const helper = createDataTableColumnHelper<Grade>()

/** The conditions of an upgrade in words: "Own sales ≥ 1,000 or Team size ≥ 10". */
function useConditionsText() {
  const { t } = useT()
  const f = useFormat()
  return (g: Grade) => {
    const c = g.conditions
    if (!c) return t("rules.grades.noConditions")
    const parts = (["own_sales", "team_sales", "direct_buyers", "team_size"] as const)
      .filter((k) => c[k] !== undefined && c[k] !== null)
      .map((k) => `${t(`rules.grades.condition.${k}`)} ≥ ${f.number(c[k])}`)
    return parts.length ? parts.join(c.match === "all" ? t("rules.grades.and") : t("rules.grades.or")) : t("rules.grades.noConditions")
  }
}

const GradesPage = () => {
  const { t } = useT()
  const f = useFormat()
  const conditions = useConditionsText()
  const { rows } = useTermsList<Grade>("/grades", "grades")
  const groups = useEntityNames(
    "customer_group",
    rows.map((g) => g.customer_group_id ?? "")
  )
  const columns = useMemo(
    () => [
      helper.accessor("rank", { header: t("rules.grades.rank") }),
      helper.accessor("name", { header: t("rules.fields.name"), cell: ({ getValue }) => <span data-testid="grade-name">{getValue()}</span> }),
      helper.accessor("level_rates", { header: t("rules.fields.levelRates"), cell: ({ getValue }) => levelsText(getValue(), (v) => f.percent(v, 2)) }),
      helper.accessor("conditions", { header: t("rules.grades.conditions"), cell: ({ row }) => conditions(row.original) }),
      helper.accessor("customer_group_id", {
        header: t("rules.grades.group"),
        cell: ({ getValue }) => (getValue() ? groups.get(getValue()!) ?? getValue() : t("common.none")),
      }),
      helper.accessor("can_view_team", {
        header: t("rules.grades.canViewTeam"),
        cell: ({ getValue }) => <Badge size="2xsmall" color={getValue() ? "green" : "grey"}>{getValue() ? t("rules.common.yes") : t("rules.common.no")}</Badge>,
      }),
    ],
    [t, f.locale, groups]
  )
  return (
    <TermsTable<Grade>
      path="/grades"
      plural="grades"
      testId="grades-page"
      title={t("rules.grades.title")}
      subtitle={t("rules.grades.subtitle")}
      emptyHint={t("rules.grades.emptyHint")}
      columns={columns}
      deleteTitle={(g) => t("rules.grades.deleteTitle", { name: g.name })}
      form={(editing, close) => <GradeForm open={!!editing} grade={editing?.row ?? null} onClose={close} />}
    />
  )
}

export const config = defineRouteConfig({ label: "rules.nav.grades", rank: 7, translationNs: "distribution" })

export default GradesPage
