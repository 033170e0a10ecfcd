import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Users } from "@medusajs/icons"
import { Container, Heading, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts"
import { DateRange, DateRangeInputs, defaultRange } from "../../components/date-range"
import { DisabledNote } from "../../components/disabled-note"
import { Empty, ErrorState, Loading, SectionHeader } from "../../components/states"
import { keys, useDistributionQuery } from "../../lib/api"
import { moneyAmount, useFormat } from "../../lib/format"
import { useT } from "../../lib/i18n"
import type { Money, StatsResponse } from "../../lib/types"

const COLORS = ["var(--fg-interactive, #3b82f6)", "var(--tag-green-icon, #10b981)", "var(--tag-orange-icon, #f59e0b)"]

/** The currency the charts plot: the one with the most GMV, else the first balance's. */
function chartCurrency(stats: StatsResponse) {
  const byGmv = [...stats.gmv].sort((a, b) => b.amount - a.amount)[0]?.currency_code
  return byGmv ?? stats.balances[0]?.currency_code
}

const Kpi = ({ id, label, value, hint, raw }: { id: string; label: string; value: string; hint?: string; raw: unknown }) => (
  <div className="bg-ui-bg-base shadow-elevation-card-rest flex flex-col gap-y-1 rounded-lg px-4 py-3" data-testid={`kpi-${id}`} data-value={JSON.stringify(raw)}>
    <Text size="xsmall" className="text-ui-fg-subtle">
      {label}
    </Text>
    <Text size="xlarge" weight="plus" className="font-sans" data-testid={`kpi-${id}-value`}>
      {value}
    </Text>
    {hint && (
      <Text size="xsmall" className="text-ui-fg-muted">
        {hint}
      </Text>
    )}
  </div>
)

const Overview = ({ stats }: { stats: StatsResponse }) => {
  const { t } = useT()
  const f = useFormat()
  const currency = chartCurrency(stats)
  const m = (value: Money) => f.moneys(value, currency)
  const series = stats.series.map((p) => ({
    date: f.day(p.date),
    orders: p.orders,
    gmv: moneyAmount(p.gmv, currency),
    commission: moneyAmount(p.commission, currency),
  }))
  const levels = stats.levels.map((l) => ({
    level: t("common.levelN", { level: l.level }),
    amount: moneyAmount(l.accrued, currency) - moneyAmount(l.reversed, currency),
    raw: l,
  }))
  const share = stats.commission.share_of_gmv.map((r) => f.percent(r.value, 2) + (stats.commission.share_of_gmv.length > 1 ? ` ${r.currency_code.toUpperCase()}` : "")).join(" · ")
  const c = stats.conversion

  return (
    <>
      <div className="grid grid-cols-2 gap-3 px-6 py-4 xl:grid-cols-4">
        <Kpi id="distributors" label={t("overview.distributors")} value={f.number(stats.distributors.total)} raw={stats.distributors}
          hint={t("overview.distributorsHint", { active: f.number(stats.distributors.active), new: f.number(stats.distributors.new) })} />
        <Kpi id="active-rate" label={t("overview.activeRate")} value={f.percent(stats.active_rate)} raw={stats.active_rate} hint={t("overview.activeRateHint")} />
        <Kpi id="orders" label={t("overview.orders")} value={f.number(stats.orders)} raw={stats.orders} />
        <Kpi id="gmv" label={t("overview.gmv")} value={m(stats.gmv)} raw={stats.gmv} />
        <Kpi id="accrued" label={t("overview.accrued")} value={m(stats.commission.accrued)} raw={stats.commission.accrued}
          hint={share ? t("overview.shareOfGmv", { share }) : undefined} />
        <Kpi id="reversed" label={t("overview.reversed")} value={m(stats.commission.reversed)} raw={stats.commission.reversed} />
        <Kpi id="settled" label={t("overview.settled")} value={m(stats.commission.settled)} raw={stats.commission.settled} />
        <Kpi id="conversion" label={t("overview.conversion")} value={f.percent(c.visit_to_order, 2)} raw={c}
          hint={t("overview.funnelHint", { visits: f.number(c.visits), carts: f.number(c.carts), orders: f.number(c.orders) })} />
      </div>

      <div className="px-6 py-4">
        <Heading level="h2" className="mb-2">
          {t("overview.balances")}
        </Heading>
        {stats.balances.length === 0 ? (
          <Empty className="py-2" title={t("overview.noBalances")} />
        ) : (
          <Table data-testid="overview-balances">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>{t("fields.currency")}</Table.HeaderCell>
                <Table.HeaderCell className="text-right">{t("balance.pending")}</Table.HeaderCell>
                <Table.HeaderCell className="text-right">{t("balance.frozen")}</Table.HeaderCell>
                <Table.HeaderCell className="text-right">{t("balance.available")}</Table.HeaderCell>
                <Table.HeaderCell className="text-right">{t("balance.withdrawn")}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {stats.balances.map((b) => (
                <Table.Row key={b.currency_code}>
                  <Table.Cell>{b.currency_code.toUpperCase()}</Table.Cell>
                  <Table.Cell className="text-right">{f.money(b.pending, b.currency_code)}</Table.Cell>
                  <Table.Cell className="text-right">{f.money(b.frozen, b.currency_code)}</Table.Cell>
                  <Table.Cell className="text-right">{f.money(b.available, b.currency_code)}</Table.Cell>
                  <Table.Cell className="text-right">{f.money(b.withdrawn, b.currency_code)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </div>

      <div className="px-6 py-4">
        <Heading level="h2" className="mb-2">
          {t("overview.overTime")}
        </Heading>
        {series.length === 0 ? (
          <Empty className="py-2" title={t("overview.noSeries")} />
        ) : (
          <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
            <div className="h-64" data-testid="chart-orders">
              <ResponsiveContainer width="100%" height="100%">
                <LineChart data={series} margin={{ left: 8, right: 8, top: 8 }}>
                  <CartesianGrid strokeDasharray="3 3" stroke="var(--border-base, #e5e7eb)" />
                  <XAxis dataKey="date" fontSize={11} />
                  <YAxis fontSize={11} allowDecimals={false} />
                  <Tooltip />
                  <Legend />
                  <Line type="monotone" dataKey="orders" name={t("overview.orders")} stroke={COLORS[0]} dot={false} isAnimationActive={false} />
                </LineChart>
              </ResponsiveContainer>
            </div>
            <div className="h-64" data-testid="chart-money">
              <ResponsiveContainer width="100%" height="100%">
                <LineChart data={series} margin={{ left: 8, right: 8, top: 8 }}>
                  <CartesianGrid strokeDasharray="3 3" stroke="var(--border-base, #e5e7eb)" />
                  <XAxis dataKey="date" fontSize={11} />
                  <YAxis fontSize={11} tickFormatter={(v: number) => f.number(v)} />
                  <Tooltip formatter={(v: number) => f.money(v, currency)} />
                  <Legend />
                  <Line type="monotone" dataKey="gmv" name={t("overview.gmv")} stroke={COLORS[0]} dot={false} isAnimationActive={false} />
                  <Line type="monotone" dataKey="commission" name={t("overview.commission")} stroke={COLORS[1]} dot={false} isAnimationActive={false} />
                </LineChart>
              </ResponsiveContainer>
            </div>
          </div>
        )}
      </div>

      <div className="grid grid-cols-1 gap-4 px-6 py-4 xl:grid-cols-2">
        <div>
          <Heading level="h2" className="mb-2">
            {t("overview.top")}
          </Heading>
          {stats.top.length === 0 ? (
            <Empty className="py-2" title={t("overview.noTop")} />
          ) : (
            <Table data-testid="overview-top">
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>{t("fields.distributor")}</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">{t("overview.orders")}</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">{t("overview.gmv")}</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">{t("overview.commission")}</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {stats.top.map((d) => (
                  <Table.Row key={d.distributor_id}>
                    <Table.Cell>
                      <Link className="text-ui-fg-interactive hover:underline" to={`/distribution/distributors/${d.distributor_id}`}>
                        {d.display_name || d.code || d.distributor_id}
                      </Link>
                    </Table.Cell>
                    <Table.Cell className="text-right">{f.number(d.orders)}</Table.Cell>
                    <Table.Cell className="text-right">{m(d.gmv)}</Table.Cell>
                    <Table.Cell className="text-right">{m(d.commission)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          )}
        </div>
        <div>
          <Heading level="h2" className="mb-2">
            {t("overview.levels")}
          </Heading>
          {levels.length === 0 ? (
            <Empty className="py-2" title={t("overview.noLevels")} />
          ) : (
            <>
              <div className="h-40" data-testid="chart-levels">
                <ResponsiveContainer width="100%" height="100%">
                  <BarChart data={levels} layout="vertical" margin={{ left: 8, right: 16 }}>
                    <XAxis type="number" fontSize={11} tickFormatter={(v: number) => f.number(v)} />
                    <YAxis type="category" dataKey="level" fontSize={11} width={64} />
                    <Tooltip formatter={(v: number) => f.money(v, currency)} />
                    <Bar dataKey="amount" name={t("overview.commission")} fill={COLORS[0]} isAnimationActive={false} />
                  </BarChart>
                </ResponsiveContainer>
              </div>
              <Table data-testid="overview-levels">
                <Table.Header>
                  <Table.Row>
                    <Table.HeaderCell>{t("fields.level")}</Table.HeaderCell>
                    <Table.HeaderCell className="text-right">{t("overview.levelCommissions")}</Table.HeaderCell>
                    <Table.HeaderCell className="text-right">{t("overview.accrued")}</Table.HeaderCell>
                    <Table.HeaderCell className="text-right">{t("overview.reversed")}</Table.HeaderCell>
                    <Table.HeaderCell className="text-right">{t("overview.settled")}</Table.HeaderCell>
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {levels.map((l) => (
                    <Table.Row key={l.level}>
                      <Table.Cell className="whitespace-nowrap">{l.level}</Table.Cell>
                      <Table.Cell className="text-right">{f.number(l.raw.commissions)}</Table.Cell>
                      <Table.Cell className="text-right">{m(l.raw.accrued)}</Table.Cell>
                      <Table.Cell className="text-right">{m(l.raw.reversed)}</Table.Cell>
                      <Table.Cell className="text-right">{m(l.raw.settled)}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </>
          )}
        </div>
      </div>
    </>
  )
}

/** Distribution overview: the program's figures for a date range. */
const OverviewPage = () => {
  const { t } = useT()
  const [range, setRange] = useState<Partial<DateRange>>(defaultRange)
  // The stats route counts whole UTC days: `from` and `to` go as `YYYY-MM-DD`.
  const query = { from: range.from, to: range.to }
  const { data, error, isLoading, refetch } = useDistributionQuery<StatsResponse>(keys.stats(query), "/stats", query, {
    placeholderData: (previous) => previous,
  })

  return (
    <Container className="divide-y p-0">
      <SectionHeader level="h1" title={t("overview.title")} subtitle={t("overview.subtitle")} actions={<DateRangeInputs value={range} onChange={setRange} />} />
      <DisabledNote />
      {isLoading && <Loading />}
      {error && <ErrorState error={error} retry={() => refetch()} />}
      {data && <Overview stats={data} />}
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "nav.distribution",
  icon: Users,
  translationNs: "distribution",
})

export default OverviewPage
