import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Badge, createDataTableColumnHelper } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { PayPeriod, Payouts } from "../../../components/rules/payouts"
import { PlanForm } from "../../../components/rules/plan-form"
import { TermsTable, useTermsList } from "../../../components/rules/terms-table"
import type { Grade, TeamBonusPlan } from "../../../components/rules/terms"
import { useFormat } from "../../../lib/format"
import { useT } from "../../../lib/i18n"

const helper = createDataTableColumnHelper<TeamBonusPlan>()

const TeamBonusPage = () => {
  const { t } = useT()
  const f = useFormat()
  const grades = useTermsList<Grade>("/grades", "grades")
  const [paying, setPaying] = useState(false)
  const gradeName = (id: string) => grades.rows.find((g) => g.id === id)?.name ?? id
  const columns = useMemo(
    () => [
      helper.accessor("name", { header: t("rules.fields.name"), cell: ({ getValue }) => <span data-testid="plan-name">{getValue()}</span> }),
      helper.accessor("grade_id", { header: t("rules.teamBonus.grade"), cell: ({ getValue }) => t("rules.teamBonus.gradeUp", { grade: gradeName(getValue()) }) }),
      helper.accessor("rate", { header: t("rules.teamBonus.rate"), cell: ({ getValue }) => f.percent(getValue(), 2) }),
      helper.accessor("active", {
        header: t("rules.teamBonus.active"),
        cell: ({ getValue }) => <Badge size="2xsmall" color={getValue() ? "green" : "grey"}>{getValue() ? t("rules.common.yes") : t("rules.common.no")}</Badge>,
      }),
    ],
    [t, f.locale, grades.rows]
  )
  return (
    <div className="flex flex-col gap-y-3">
      <TermsTable<TeamBonusPlan>
        path="/team-bonus/plans"
        plural="team_bonus_plans"
        testId="plans-page"
        title={t("rules.teamBonus.title")}
        subtitle={t("rules.teamBonus.subtitle")}
        emptyHint={t("rules.teamBonus.emptyHint")}
        columns={columns}
        deleteTitle={(p) => t("rules.teamBonus.deleteTitle", { name: p.name })}
        form={(editing, close) => <PlanForm open={!!editing} plan={editing?.row ?? null} onClose={close} />}
      />
      <Payouts onPay={() => setPaying(true)} />
      <PayPeriod open={paying} onOpenChange={setPaying} />
    </div>
  )
}

export const config = defineRouteConfig({ label: "rules.nav.teamBonus", rank: 11, translationNs: "distribution" })

export default TeamBonusPage
