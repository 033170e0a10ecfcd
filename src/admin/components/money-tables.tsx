import { Table } from "@medusajs/ui"
import { DistributorLink } from "./distributor-link"
import { Link } from "react-router-dom"
import { useFormat } from "../lib/format"
import { useT } from "../lib/i18n"
import type { Balance, Commission, Withdrawal } from "../lib/types"
import { Status } from "./badges"
import { Empty } from "./states"

export const BalancesTable = ({ balances }: { balances: Balance[] }) => {
  const { t } = useT()
  const f = useFormat()
  if (!balances.length) return <Empty title={t("balance.none")} />
  return (
    <Table data-testid="balances">
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
        {balances.map((b) => (
          <Table.Row key={b.currency_code} data-currency={b.currency_code}>
            <Table.Cell>{b.currency_code.toUpperCase()}</Table.Cell>
            <Table.Cell className="text-right">{f.money(b.pending, b.currency_code)}</Table.Cell>
            <Table.Cell className="text-right">{f.money(b.frozen, b.currency_code)}</Table.Cell>
            <Table.Cell className="text-right" data-testid={`available-${b.currency_code}`}>
              {f.money(b.available, b.currency_code)}
            </Table.Cell>
            <Table.Cell className="text-right">{f.money(b.withdrawn, b.currency_code)}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  )
}

export const CommissionsTable = ({ commissions, showDistributor = false }: { commissions: Commission[]; showDistributor?: boolean }) => {
  const { t } = useT()
  const f = useFormat()
  if (!commissions.length) return <Empty title={t("commissions.empty")} />
  return (
    <Table>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>{t("fields.order")}</Table.HeaderCell>
          {showDistributor && <Table.HeaderCell>{t("fields.distributor")}</Table.HeaderCell>}
          <Table.HeaderCell>{t("fields.level")}</Table.HeaderCell>
          <Table.HeaderCell>{t("fields.status")}</Table.HeaderCell>
          <Table.HeaderCell className="text-right">{t("fields.amount")}</Table.HeaderCell>
          <Table.HeaderCell>{t("fields.created")}</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {commissions.map((c) => (
          <Table.Row key={c.id}>
            <Table.Cell>
              <Link className="text-ui-fg-interactive hover:underline" to={`/orders/${c.order_id}`}>
                {c.order_id.slice(-8)}
              </Link>
            </Table.Cell>
            {showDistributor && (
              <Table.Cell>
                <DistributorLink id={c.distributor_id} />
              </Table.Cell>
            )}
            <Table.Cell>{t("common.levelN", { level: c.level })}</Table.Cell>
            <Table.Cell>
              <Status status={c.status} kind="commission" />
            </Table.Cell>
            <Table.Cell className="text-right">{f.money(c.amount, c.currency_code)}</Table.Cell>
            <Table.Cell>{f.date(c.created_at)}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  )
}

export const WithdrawalsTable = ({ withdrawals }: { withdrawals: Withdrawal[] }) => {
  const { t } = useT()
  const f = useFormat()
  if (!withdrawals.length) return <Empty title={t("withdrawals.empty")} />
  return (
    <Table>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>{t("fields.requested")}</Table.HeaderCell>
          <Table.HeaderCell>{t("fields.method")}</Table.HeaderCell>
          <Table.HeaderCell>{t("fields.status")}</Table.HeaderCell>
          <Table.HeaderCell className="text-right">{t("fields.amount")}</Table.HeaderCell>
          <Table.HeaderCell className="text-right">{t("fields.net")}</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {withdrawals.map((w) => (
          <Table.Row key={w.id}>
            <Table.Cell>{f.date(w.created_at)}</Table.Cell>
            <Table.Cell>{t(`methods.${w.method}`, { defaultValue: w.method })}</Table.Cell>
            <Table.Cell>
              <Status status={w.status} />
            </Table.Cell>
            <Table.Cell className="text-right">{f.money(w.amount, w.currency_code)}</Table.Cell>
            <Table.Cell className="text-right">{f.money(w.net_amount, w.currency_code)}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  )
}
