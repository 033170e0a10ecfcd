import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { DistributorLink } from "../components/distributor-link"
import { ArrowPath } from "@medusajs/icons"
import { Button, Container, Text, toast } from "@medusajs/ui"
import { useQueryClient } from "@tanstack/react-query"
import { Link } from "react-router-dom"
import { Status } from "../components/badges"
import { DisabledNote } from "../components/disabled-note"
import { Empty, ErrorState, KeyValue, Loading, SectionHeader } from "../components/states"
import { keys, post, useDistributionQuery } from "../lib/api"
import { useFormat } from "../lib/format"
import { useT } from "../lib/i18n"
import type { OrderCommissionsResponse } from "../lib/types"
import { useMutation } from "@tanstack/react-query"

/** Who brought this order, what each level earns from it, and a re-sync for operators. */
const OrderDistributionWidget = ({ data: order }: { data: { id: string } }) => {
  const { t } = useT()
  const f = useFormat()
  const client = useQueryClient()
  const { data, error, isLoading, refetch } = useDistributionQuery<OrderCommissionsResponse>(keys.order(order.id), `/orders/${order.id}`)
  const sync = useMutation({
    mutationFn: () => post<OrderCommissionsResponse>(`/orders/${order.id}/sync`),
    onSuccess: (result) => {
      client.setQueryData(keys.order(order.id), result)
      client.invalidateQueries({ queryKey: keys.all })
      toast.success(t("widget.order.synced"))
    },
    onError: (e: Error) => toast.error(e.message),
  })

  return (
    <Container className="divide-y p-0" data-testid="order-distribution-widget">
      <SectionHeader
        title={t("widget.order.title")}
        actions={
          <Button size="small" variant="secondary" isLoading={sync.isPending} onClick={() => sync.mutate()} data-testid="order-sync">
            <ArrowPath />
            {t("widget.order.sync")}
          </Button>
        }
      />
      <DisabledNote />
      {isLoading && <Loading />}
      {error && <ErrorState error={error} retry={() => refetch()} />}
      {data && !data.attribution && !data.commissions.length && <Empty title={t("widget.order.none")} />}
      {data?.attribution && (
        <>
          <KeyValue label={t("fields.distributor")}>
            <Link className="text-ui-fg-interactive font-mono hover:underline" to={`/distribution/distributors/${data.attribution.distributor_id}`} data-testid="order-attribution">
              {data.attribution.code}
            </Link>
          </KeyValue>
          <KeyValue label={t("fields.source")}>{t(`attribution.${data.attribution.source}`)}</KeyValue>
        </>
      )}
      {data?.commissions.map((c) => (
        <div key={c.id} className="flex flex-col gap-y-1 px-6 py-3" data-testid="order-commission">
          <div className="flex items-center justify-between gap-x-2">
            <Text size="small" weight="plus">
              {t("common.levelN", { level: c.level })} ·{" "}
              <DistributorLink id={c.distributor_id} />
            </Text>
            <div className="flex items-center gap-x-2">
              <Status status={c.status} kind="commission" />
              <Text size="small" weight="plus">
                {f.money(c.amount, c.currency_code)}
              </Text>
            </div>
          </div>
          {(c.adjustments ?? []).map((a) => (
            <Text key={a.id} size="xsmall" className="text-ui-fg-subtle">
              {f.date(a.created_at)} · {t(`reasons.${a.reason}`, { defaultValue: a.reason })} · {f.money(a.amount, c.currency_code)}
            </Text>
          ))}
        </div>
      ))}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "order.details.side.after" })

export default OrderDistributionWidget
