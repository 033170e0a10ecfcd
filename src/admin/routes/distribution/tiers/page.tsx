import { defineRouteConfig } from "@medusajs/admin-sdk"
import { createDataTableColumnHelper } from "@medusajs/ui"
import { useMemo } from "react"
import { levelsText } from "../../../components/rules/levels-text"
import { TermsTable } from "../../../components/rules/terms-table"
import { TierForm } from "../../../components/rules/tier-form"
import type { Tier } from "../../../components/rules/terms"
import { useFormat } from "../../../lib/format"
import { useT } from "../../../lib/i18n"

const helper = createDataTableColumnHelper<Tier>()

const TiersPage = () => {
  const { t } = useT()
  const f = useFormat()
  const columns = useMemo(
    () => [
      helper.accessor("name", { header: t("rules.fields.name"), cell: ({ getValue }) => <span data-testid="tier-name">{getValue()}</span> }),
      helper.accessor("min_sales", { header: t("rules.tiers.minSales"), cell: ({ row }) => f.money(row.original.min_sales, row.original.currency_code) }),
      helper.accessor("level_rates", { header: t("rules.fields.levelRates"), cell: ({ getValue }) => levelsText(getValue(), (v) => f.percent(v, 2)) }),
    ],
    [t, f.locale]
  )
  return (
    <TermsTable<Tier>
      path="/tiers"
      plural="tiers"
      testId="tiers-page"
      title={t("rules.tiers.title")}
      subtitle={t("rules.tiers.subtitle")}
      emptyHint={t("rules.tiers.emptyHint")}
      columns={columns}
      deleteTitle={(x) => t("rules.tiers.deleteTitle", { name: x.name })}
      form={(editing, close) => <TierForm open={!!editing} tier={editing?.row ?? null} onClose={close} />}
    />
  )
}

export const config = defineRouteConfig({ label: "rules.nav.tiers", rank: 10, translationNs: "distribution" })

export default TiersPage
