import { Drawer, Heading, Table, Text } from "@medusajs/ui"
import { DistributorLink } from "./distributor-link"
import { Link } from "react-router-dom"
import { keys, useDistributionQuery } from "../lib/api"
import { useFormat } from "../lib/format"
import { useT } from "../lib/i18n"
import type { Commission, CommissionAdjustment, OrderCommissionsResponse } from "../lib/types"
import { Status } from "./badges"
import { Empty, ErrorState, KeyValue, Loading } from "./states"

/** `level_rate`, `grade:<id>`, `rule:<id>` …: the kind in words, then the id. */
export function sourceLabel(t: (key: string, options?: Record<string, unknown>) => string, source: string) {
  const [kind, ...rest] = source.split(":")
  const id = rest.join(":")
  return `${t(`sources.${kind}`, { defaultValue: kind })}${id ? ` ${id}` : ""}`
}

export const LinesTable = ({ commission }: { commission: Commission }) => {
  const { t } = useT()
  const f = useFormat()
  const c = commission
  if (!c.lines.length) return <Empty title={t("commissions.noLines")} />
  return (
    <Table data-testid="commission-lines">
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>{t("fields.item")}</Table.HeaderCell>
          <Table.HeaderCell className="text-right">{t("fields.quantity")}</Table.HeaderCell>
          <Table.HeaderCell className="text-right">{t("fields.base")}</Table.HeaderCell>
          <Table.HeaderCell className="text-right">{t("fields.rateOrFixed")}</Table.HeaderCell>
          <Table.HeaderCell className="text-right">{t("fields.amount")}</Table.HeaderCell>
          <Table.HeaderCell>{t("fields.source")}</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {c.lines.map((l) => (
          <Table.Row key={l.line_item_id}>
            <Table.Cell className="font-mono">{(l.product_id ?? l.line_item_id).slice(-10)}</Table.Cell>
            <Table.Cell className="text-right">{f.number(l.quantity)}</Table.Cell>
            <Table.Cell className="text-right">{f.money(l.base, c.currency_code)}</Table.Cell>
            <Table.Cell className="text-right">
              {l.fixed !== undefined ? t("commissions.fixedPerUnit", { amount: f.money(l.fixed, c.currency_code) }) : f.percent(l.rate, 2)}
            </Table.Cell>
            <Table.Cell className="text-right">{f.money(l.amount, c.currency_code)}</Table.Cell>
            <Table.Cell>{sourceLabel(t, l.source)}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  )
}

export const AdjustmentsTable = ({ adjustments, currency }: { adjustments: CommissionAdjustment[]; currency: string }) => {
  const { t } = useT()
  const f = useFormat()
  if (!adjustments.length) return <Empty title={t("commissions.noAdjustments")} />
  return (
    <Table data-testid="commission-adjustments">
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>{t("fields.date")}</Table.HeaderCell>
          <Table.HeaderCell>{t("fields.reason")}</Table.HeaderCell>
          <Table.HeaderCell>{t("fields.sourceId")}</Table.HeaderCell>
          <Table.HeaderCell className="text-right">{t("fields.amount")}</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {adjustments.map((a) => (
          <Table.Row key={a.id}>
            <Table.Cell>{f.dateTime(a.created_at)}</Table.Cell>
            <Table.Cell>{t(`reasons.${a.reason}`, { defaultValue: a.reason })}</Table.Cell>
            <Table.Cell className="font-mono">{a.source_id ?? "–"}</Table.Cell>
            <Table.Cell className="text-right">{f.money(a.amount, currency)}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  )
}

/** One commission: its figures, the lines that make it up and every adjustment since. */
export const CommissionDrawer = ({ commission, onClose }: { commission: Commission | null; onClose: () => void }) => {
  const { t } = useT()
  const f = useFormat()
  const orderId = commission?.order_id ?? ""
  const order = useDistributionQuery<OrderCommissionsResponse>(keys.order(orderId), `/orders/${orderId}`, undefined, { enabled: !!orderId })
  const full = order.data?.commissions.find((c) => c.id === commission?.id)
  const c = full ?? commission
  return (
    <Drawer open={!!commission} onOpenChange={(open) => !open && onClose()}>
      <Drawer.Content data-testid="commission-drawer">
        <Drawer.Header>
          <Drawer.Title>{t("commissions.drawerTitle")}</Drawer.Title>
        </Drawer.Header>
        {c && (
          <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto p-0">
            <div className="divide-y">
              <KeyValue label={t("fields.order")}>
                <Link className="text-ui-fg-interactive hover:underline" to={`/orders/${c.order_id}`}>
                  {c.order_id}
                </Link>
              </KeyValue>
              <KeyValue label={t("fields.distributor")}>
                <DistributorLink id={c.distributor_id} />
              </KeyValue>
              <KeyValue label={t("fields.level")}>{t("common.levelN", { level: c.level })}</KeyValue>
              <KeyValue label={t("fields.status")}>
                <Status status={c.status} kind="commission" />
              </KeyValue>
              <KeyValue label={t("commissions.accrued")}>{f.money(c.accrued_amount, c.currency_code)}</KeyValue>
              <KeyValue label={t("commissions.reversed")}>{f.money(c.reversed_amount, c.currency_code)}</KeyValue>
              <KeyValue label={t("fields.amount")}>
                <span data-testid="drawer-amount">{f.money(c.amount, c.currency_code)}</span>
              </KeyValue>
              <KeyValue label={t("commissions.availableAt")}>{f.dateTime(c.available_at)}</KeyValue>
              <KeyValue label={t("commissions.settledAt")}>{f.dateTime(c.settled_at)}</KeyValue>
            </div>
            <div>
              <Heading level="h3" className="px-6 pb-2">
                {t("commissions.lines")}
              </Heading>
              <LinesTable commission={c} />
            </div>
            <div>
              <Heading level="h3" className="px-6 pb-2">
                {t("commissions.adjustments")}
              </Heading>
              {order.isLoading ? (
                <Loading />
              ) : order.error ? (
                <ErrorState error={order.error} />
              ) : (
                <AdjustmentsTable adjustments={full?.adjustments ?? []} currency={c.currency_code} />
              )}
            </div>
            <Text size="xsmall" className="text-ui-fg-muted px-6 pb-4">
              {t("commissions.why")}
            </Text>
          </Drawer.Body>
        )}
      </Drawer.Content>
    </Drawer>
  )
}
