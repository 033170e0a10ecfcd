import { PlusMini } from "@medusajs/icons"
import { Button, Container, Heading, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { BalancesTable } from "../money-tables"
import { Empty, SectionHeader } from "../states"
import { useT } from "../../lib/i18n"
import { sdk } from "../../lib/sdk"
import type { Balance } from "../../lib/types"
import { AdjustDrawer } from "./adjust-drawer"
import { LedgerTable } from "./ledger-table"
import { MonthlyStatement } from "./statement"

/** The currencies an adjustment can be in: the wallet's own, then the store's. */
function useCurrencies(balances: Balance[]) {
  const store = useQuery({
    queryKey: ["distribution", "store-currencies"],
    queryFn: () => sdk.admin.store.list({ fields: "supported_currencies.currency_code" }),
    staleTime: 5 * 60_000,
  })
  const fromStore = (store.data?.stores ?? []).flatMap((s) => (s.supported_currencies ?? []).map((c) => c.currency_code))
  return [...new Set([...balances.map((b) => b.currency_code), ...fromStore].map((c) => c.toLowerCase()))]
}

/** A distributor's wallet: balances per currency, hand adjustments, the monthly statement and the ledger. */
export const WalletSection = ({ distributorId, balances }: { distributorId: string; balances: Balance[] }) => {
  const { t } = useT()
  const [adjusting, setAdjusting] = useState(false)
  const currencies = useCurrencies(balances)

  return (
    <>
      <Container className="divide-y p-0" data-testid="wallet-section">
        <SectionHeader
          title={t("wallet.section.title")}
          subtitle={t("wallet.section.subtitle")}
          actions={
            <Button size="small" variant="secondary" onClick={() => setAdjusting(true)} data-testid="adjust-open">
              <PlusMini />
              {t("wallet.adjust.open")}
            </Button>
          }
        />
        {balances.length ? <BalancesTable balances={balances} /> : <Empty title={t("balance.none")} />}
      </Container>

      <Container className="divide-y p-0">
        <SectionHeader title={t("wallet.statement.title")} subtitle={t("wallet.statement.subtitle")} />
        <MonthlyStatement distributorId={distributorId} />
      </Container>

      <Container className="divide-y p-0">
        <LedgerTable
          scope={{ distributor_id: distributorId }}
          pageSize={10}
          testId="wallet-ledger"
          heading={
            <div>
              <Heading level="h2">{t("wallet.ledger.title")}</Heading>
              <Text size="small" className="text-ui-fg-subtle">
                {t("wallet.ledger.subtitle")}
              </Text>
            </div>
          }
        />
      </Container>

      <AdjustDrawer distributorId={distributorId} currencies={currencies} open={adjusting} onOpenChange={setAdjusting} />
    </>
  )
}
