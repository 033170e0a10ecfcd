import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Users } from "@medusajs/icons"
import { Container, Heading, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts"
import { DateRange, DateRangeInputs, defaultRange, rangeQuery } from "../../components/date-range"
import { Empty, ErrorState, Loading, SectionHeader } from "../../components/states"
import { keys, useDistributionQuery } from "../../lib/api"
import { moneyAmount, moneyEntries, useFormat } from "../../lib/format"
import { NS, useT } from "../../lib/i18n"
import type { Money, StatsResponse } from "../../lib/types"

const COLORS = ["var(--fg-interactive, #3b82f6)", "var(--tag-green-icon, #10b981)", "var(--tag-orange-icon, #f59e0b)"]

/** The currency the charts plot: the stats' own, else the first one any amount carries. */
function chartCurrency(stats: StatsResponse) {
  return stats.currency_code ?? moneyEntries(stats.gmv).find((m) => m.currency_code)?.currency_code ?? stats.balances[0]?.currency_code
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
    date: f.date(p.date),
    orders: p.orders,
    gmv: moneyAmount(p.gmv, currency),
    commission: moneyAmount(p.commission, currency),
  }))
  const levels = stats.levels.map((l) => ({
    level: t("common.levelN", { level: l.level }),
    amount: moneyAmount(l.amount ?? l.commission, currency),
    raw: l,
  }))

  return (
    <>
      <div className="grid grid-cols-2 gap-3 px-6 py-4 xl:grid-cols-4">
        <Kpi id="distributors" label={t("overview.distributors")} value={f.number(stats.distributors.total)} raw={stats.distributors.total}
          hint={t("overview.distributorsHint", { active: f.number(stats.distributors.active), new: f.number(stats.distributors.new) })} />
        <Kpi id="active-rate" label={t("overview.activeRate")} value={f.percent(stats.active_rate)} raw={stats.active_rate} hint={t("overview.activeRateHint")} />
        <Kpi id="orders" label={t("overview.orders")} value={f.number(stats.orders)} raw={stats.orders} />
        <Kpi id="gmv" label={t("overview.gmv")} value={m(stats.gmv)} raw={stats.gmv} />
        <Kpi id="accrued" label={t("overview.accrued")} value={m(stats.commission.accrued)} raw={stats.commission.accrued}
          hint={t("overview.shareOfGmv", { share: f.percent(stats.commission.share_of_gmv, 2) })} />
        <Kpi id="reversed" label={t("overview.reversed")} value={m(stats.commission.reversed)} raw={stats.commission.reversed} />
        <Kpi id="settled" label={t("overview.settled")} value={m(stats.commission.settled)} raw={stats.commission.settled} />
        <Kpi id="conversion" label={t("overview.conversion")} value={f.percent(stats.conversion, 2)} raw={stats.conversion}
          hint={t("overview.visitsHint", { visits: f.number(stats.visits), orders: f.number(stats.orders) })} />
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
                  <Line type="monotone" dataKey="orders" name={t("overview.orders")} stroke={COLORS[0]} dot={false} />
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
                  <Line type="monotone" dataKey="gmv" name={t("overview.gmv")} stroke={COLORS[0]} dot={false} />
                  <Line type="monotone" dataKey="commission" name={t("overview.commission")} stroke={COLORS[1]} dot={false} />
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
                    <Table.Cell className="text-right">{f.number(d.orders ?? 0)}</Table.Cell>
                    <Table.Cell className="text-right">{d.gmv !== undefined ? m(d.gmv) : "–"}</Table.Cell>
                    <Table.Cell className="text-right">{d.commission !== undefined ? m(d.commission) : "–"}</Table.Cell>
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
                    <Bar dataKey="amount" name={t("overview.commission")} fill={COLORS[0]} />
                  </BarChart>
                </ResponsiveContainer>
              </div>
              <Table data-testid="overview-levels">
                <Table.Body>
                  {levels.map((l) => (
                    <Table.Row key={l.level}>
                      <Table.Cell>{l.level}</Table.Cell>
                      {l.raw.count !== undefined && <Table.Cell className="text-right">{t("overview.levelCount", { count: l.raw.count })}</Table.Cell>}
                      <Table.Cell className="text-right">{m(l.raw.amount ?? l.raw.commission ?? 0)}</Table.Cell>
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
  const query = rangeQuery(range)
  const { data, error, isLoading, refetch } = useDistributionQuery<StatsResponse>(keys.stats(query), "/stats", query)

  return (
    <Container className="divide-y p-0">
      <SectionHeader level="h1" title={t("overview.title")} subtitle={t("overview.subtitle")} actions={<DateRangeInputs value={range} onChange={setRange} />} />
      {isLoading && <Loading />}
      {error && <ErrorState error={error} retry={() => refetch()} />}
      {data && <Overview stats={data} />}
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "nav.distribution",
  icon: Users,
  translationNs: NS,
})

export default OverviewPage
