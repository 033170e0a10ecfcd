import { Button, Container, createDataTableColumnHelper, DataTable, DataTablePaginationState, Heading, Input, Label, Prompt, Select, Text, toast, useDataTable } from "@medusajs/ui"
import { useQueryClient } from "@tanstack/react-query"
import { useEffect, useMemo, useState } from "react"
import { DistributorLink } from "../distributor-link"
import { ErrorState } from "../states"
import { Pagination } from "../table-parts"
import { errorMessage, keys, post, useDistributionQuery } from "../../lib/api"
import { useFormat } from "../../lib/format"
import { useT } from "../../lib/i18n"
import { PAGE_SIZE } from "../../lib/table"
import { useTermsList } from "./terms-table"
import { TeamBonusPayout, TeamBonusPlan, termsKeys } from "./terms"

const helper = createDataTableColumnHelper<TeamBonusPayout>()

/** Last month, "YYYY-MM" (UTC): the latest month a team bonus can be paid for. */
const lastMonth = () => {
  const d = new Date()
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1)).toISOString().slice(0, 7)
}

/** What the team bonus plans paid, newest first, with "Pay a period". */
export const Payouts = ({ onPay }: { onPay: () => void }) => {
  const { t } = useT()
  const f = useFormat()
  const plans = useTermsList<TeamBonusPlan>("/team-bonus/plans", "team_bonus_plans")
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize: PAGE_SIZE })
  const query = { limit: pagination.pageSize, offset: pagination.pageIndex * pagination.pageSize }
  const list = useDistributionQuery<{ payouts: TeamBonusPayout[]; count: number }>(termsKeys.list("/team-bonus/payouts", query), "/team-bonus/payouts", query, {
    placeholderData: (p) => p,
  })
  const planName = (id: string) => plans.rows.find((p) => p.id === id)?.name ?? id
  const columns = useMemo(
    () => [
      helper.accessor("period", { header: t("rules.teamBonus.period") }),
      helper.accessor("plan_id", { header: t("rules.teamBonus.plan"), cell: ({ getValue }) => planName(getValue()) }),
      helper.accessor("distributor_id", { header: t("fields.distributor"), cell: ({ getValue }) => <DistributorLink id={getValue()} /> }),
      helper.accessor("team_sales", { header: t("rules.teamBonus.teamSales"), cell: ({ row }) => f.money(Number(row.original.team_sales), row.original.currency_code) }),
      helper.accessor("rate", { header: t("rules.teamBonus.rate"), cell: ({ getValue }) => f.percent(Number(getValue()), 2) }),
      helper.accessor("amount", { header: t("fields.amount"), cell: ({ row }) => f.money(Number(row.original.amount), row.original.currency_code) }),
      helper.accessor("created_at", { header: t("rules.teamBonus.paidAt"), cell: ({ getValue }) => f.dateTime(getValue()) }),
    ],
    [t, f.locale, plans.rows]
  )
  const instance = useDataTable({
    data: list.data?.payouts ?? [],
    columns,
    getRowId: (row) => row.id,
    rowCount: list.data?.count ?? 0,
    isLoading: list.isLoading,
    pagination: { state: pagination, onPaginationChange: setPagination },
  })
  return (
    <Container className="divide-y p-0" data-testid="payouts">
      <DataTable instance={instance}>
        <DataTable.Toolbar className="flex items-center justify-between gap-2">
          <div>
            <Heading level="h2">{t("rules.teamBonus.payouts")}</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              {t("rules.teamBonus.payoutsHint")}
            </Text>
          </div>
          <Button size="small" variant="secondary" onClick={onPay} data-testid="pay-period">
            {t("rules.teamBonus.pay")}
          </Button>
        </DataTable.Toolbar>
        {list.error ? (
          <ErrorState error={list.error} retry={() => list.refetch()} />
        ) : (
          <DataTable.Table emptyState={{ empty: { heading: t("rules.teamBonus.noPayouts"), description: t("rules.teamBonus.noPayoutsHint") } }} />
        )}
        <Pagination />
      </DataTable>
    </Container>
  )
}

/** Pays a closed month (all active plans, or one); a month already paid pays nothing again. */
export const PayPeriod = ({ open, onOpenChange }: { open: boolean; onOpenChange: (o: boolean) => void }) => {
  const { t } = useT()
  const client = useQueryClient()
  const plans = useTermsList<TeamBonusPlan>("/team-bonus/plans", "team_bonus_plans")
  const [period, setPeriod] = useState(lastMonth())
  const [plan, setPlan] = useState("__all")
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    if (!open) return
    setPeriod(lastMonth())
    setPlan("__all")
    setError(null)
  }, [open])
  const pay = async () => {
    setBusy(true)
    try {
      const res = await post<{ payouts: unknown[] }>("/team-bonus/pay", { period, ...(plan !== "__all" ? { plan_id: plan } : {}) })
      await client.invalidateQueries({ queryKey: keys.all })
      toast.success(t("rules.teamBonus.paid", { count: res.payouts?.length ?? 0, period }))
      onOpenChange(false)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Prompt open={open} onOpenChange={onOpenChange}>
      <Prompt.Content>
        <Prompt.Header>
          <Prompt.Title>{t("rules.teamBonus.payTitle")}</Prompt.Title>
          <Prompt.Description>{t("rules.teamBonus.payHint")}</Prompt.Description>
        </Prompt.Header>
        <div className="flex flex-col gap-y-3 px-6 pb-4">
          <div className="flex flex-col gap-y-1">
            <Label size="small" htmlFor="pay-period-month">
              {t("rules.teamBonus.period")}
            </Label>
            <Input id="pay-period-month" size="small" type="month" value={period} max={lastMonth()} onChange={(e) => setPeriod(e.target.value)} aria-invalid={!!error} />
          </div>
          <div className="flex flex-col gap-y-1">
            <Label size="small" htmlFor="pay-period-plan">
              {t("rules.teamBonus.plan")}
            </Label>
            <Select value={plan} onValueChange={setPlan}>
              <Select.Trigger id="pay-period-plan">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value="__all">{t("rules.teamBonus.allPlans")}</Select.Item>
                {plans.rows.map((p) => (
                  <Select.Item key={p.id} value={p.id}>
                    {p.name}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </div>
          {error && (
            <Text size="small" className="text-ui-fg-error" role="alert" data-testid="pay-error">
              {error}
            </Text>
          )}
        </div>
        <Prompt.Footer>
          <Button size="small" variant="secondary" onClick={() => onOpenChange(false)} disabled={busy}>
            {t("common.cancel")}
          </Button>
          <Button size="small" onClick={pay} isLoading={busy} data-testid="pay-confirm">
            {t("rules.teamBonus.pay")}
          </Button>
        </Prompt.Footer>
      </Prompt.Content>
    </Prompt>
  )
}
