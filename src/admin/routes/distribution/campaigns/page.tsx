import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Badge, createDataTableColumnHelper } from "@medusajs/ui"
import { useMemo } from "react"
import { CampaignForm } from "../../../components/rules/campaign-form"
import { levelsText } from "../../../components/rules/levels-text"
import { TermsTable } from "../../../components/rules/terms-table"
import type { Campaign } from "../../../components/rules/terms"
import { useFormat } from "../../../lib/format"
import { useT } from "../../../lib/i18n"

const helper = createDataTableColumnHelper<Campaign>()

/** Running, upcoming or ended, by the admin's clock. */
const phaseOf = (c: Campaign, now = Date.now()) => (now < Date.parse(c.starts_at) ? "upcoming" : now >= Date.parse(c.ends_at) ? "ended" : "running")
const PHASE_COLOR = { upcoming: "blue", running: "green", ended: "grey" } as const

const CampaignsPage = () => {
  const { t } = useT()
  const f = useFormat()
  const columns = useMemo(
    () => [
      helper.accessor("name", { header: t("rules.fields.name"), cell: ({ getValue }) => <span data-testid="campaign-name">{getValue()}</span> }),
      helper.accessor("starts_at", { header: t("rules.campaigns.window"), cell: ({ row }) => `${f.dateTime(row.original.starts_at)} – ${f.dateTime(row.original.ends_at)}` }),
      helper.display({
        id: "phase",
        header: t("rules.campaigns.phase"),
        cell: ({ row }) => {
          const phase = phaseOf(row.original)
          return <Badge size="2xsmall" color={PHASE_COLOR[phase]}>{t(`rules.campaigns.phases.${phase}`)}</Badge>
        },
      }),
      helper.accessor("scope", {
        header: t("rules.campaigns.scope"),
        cell: ({ row }) => (row.original.scope === "all" ? t("rules.scopes.all") : `${t(`rules.scopes.${row.original.scope}`)} × ${row.original.scope_ids?.length ?? 0}`),
      }),
      helper.accessor("multiplier", {
        header: t("rules.campaigns.effect"),
        cell: ({ row }) =>
          [row.original.multiplier ? `× ${f.number(row.original.multiplier)}` : null, row.original.level_rates ? levelsText(row.original.level_rates, (v) => f.percent(v, 2)) : null]
            .filter(Boolean)
            .join(" · "),
      }),
    ],
    [t, f.locale]
  )
  return (
    <TermsTable<Campaign>
      path="/campaigns"
      plural="campaigns"
      testId="campaigns-page"
      title={t("rules.campaigns.title")}
      subtitle={t("rules.campaigns.subtitle")}
      emptyHint={t("rules.campaigns.emptyHint")}
      columns={columns}
      deleteTitle={(c) => t("rules.campaigns.deleteTitle", { name: c.name })}
      form={(editing, close) => <CampaignForm open={!!editing} campaign={editing?.row ?? null} onClose={close} />}
    />
  )
}

export const config = defineRouteConfig({ label: "rules.nav.campaigns", rank: 9, translationNs: "distribution" })

export default CampaignsPage
