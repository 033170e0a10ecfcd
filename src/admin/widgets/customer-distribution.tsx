import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { Badge, Button, Container, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { Status } from "../components/badges"
import { DisabledNote } from "../components/disabled-note"
import { BalancesTable } from "../components/money-tables"
import { ReasonPrompt } from "../components/reason-prompt"
import { Empty, ErrorState, KeyValue, Loading, SectionHeader } from "../components/states"
import { get, keys, useDistributionMutation } from "../lib/api"
import { ACTIONS_FROM, useDistributorAction } from "../lib/distributor-actions"
import { useFormat } from "../lib/format"
import { useT } from "../lib/i18n"
import type { CustomerDistributionResponse, DistributorDetailResponse, DistributorListResponse } from "../lib/types"
import { useQuery } from "@tanstack/react-query"
import { FetchError } from "@medusajs/js-sdk"

type Customer = { id: string; email?: string | null }

/**
 * `GET /admin/distribution/customers/:id`; on a server without that route, the same facts
 * from the distributor list (searched by email) and the distributor's detail.
 */
async function loadCustomer(customer: Customer): Promise<CustomerDistributionResponse> {
  try {
    return await get<CustomerDistributionResponse>(`/customers/${customer.id}`)
  } catch (e) {
    if ((e as FetchError).status !== 404 || !customer.email) throw e
  }
  const list = await get<DistributorListResponse>("/distributors", { q: customer.email!, limit: 20 })
  const mine = list.distributors.find((d) => d.customer_id === customer.id)
  // The binding is known only to the customers route: left undefined, the widget says nothing about it.
  if (!mine) return { distributor: null, binding: undefined }
  const detail = await get<DistributorDetailResponse>(`/distributors/${mine.id}`)
  return { distributor: detail.distributor, parent: detail.upline[0] ?? null, team_counts: detail.team_counts, balances: detail.balances, binding: undefined }
}

const CustomerDistributionWidget = ({ data: customer }: { data: Customer }) => {
  const { t } = useT()
  const f = useFormat()
  const [asking, setAsking] = useState(false)
  const query = useQuery<CustomerDistributionResponse, FetchError>({
    queryKey: keys.customer(customer.id),
    queryFn: () => loadCustomer(customer),
    retry: false,
  })
  const action = useDistributorAction()
  const enroll = useDistributionMutation<{ customer_id: string }>(() => "/distributors")

  const d = query.data?.distributor
  const binding = query.data?.binding
  const counts = query.data?.team_counts

  return (
    <Container className="divide-y p-0" data-testid="customer-distribution-widget">
      <SectionHeader
        title={t("widget.customer.title")}
        actions={
          d ? (
            <div className="flex gap-x-2">
              {ACTIONS_FROM.approve.includes(d.status) && (
                <Button size="small" isLoading={action.isPending} onClick={() => action.mutateAsync({ id: d.id, action: "approve" }).then(() => toast.success(t("actions.done_approve")), (e) => toast.error(e.message))}>
                  {t("actions.approve")}
                </Button>
              )}
              {ACTIONS_FROM.reject.includes(d.status) && (
                <Button size="small" variant="secondary" onClick={() => setAsking(true)}>
                  {t("actions.reject")}
                </Button>
              )}
            </div>
          ) : query.data ? (
            <Button size="small" variant="secondary" isLoading={enroll.isPending} onClick={() => enroll.mutateAsync({ customer_id: customer.id }).then(() => toast.success(t("widget.customer.enrolled")), (e) => toast.error(e.message))}>
              {t("widget.customer.makeDistributor")}
            </Button>
          ) : null
        }
      />
      <DisabledNote />
      {query.isLoading && <Loading />}
      {query.error && <ErrorState error={query.error} retry={() => query.refetch()} />}
      {query.data && !d && <Empty title={t("widget.customer.notDistributor")} />}
      {d && (
        <>
          <KeyValue label={t("fields.status")}>
            <Status status={d.status} />
          </KeyValue>
          <KeyValue label={t("fields.code")}>
            <Link className="text-ui-fg-interactive font-mono hover:underline" to={`/distribution/distributors/${d.id}`} data-testid="widget-code">
              {d.code}
            </Link>
          </KeyValue>
          <KeyValue label={t("fields.parent")}>
            {query.data?.parent ? (
              <Link className="text-ui-fg-interactive font-mono hover:underline" to={`/distribution/distributors/${query.data.parent.id}`}>
                {query.data.parent.code}
              </Link>
            ) : (
              t("common.none")
            )}
          </KeyValue>
          {counts && (
            <KeyValue label={t("team.title")}>
              <div className="flex flex-wrap gap-1">
                {(["1", "2", "3"] as const).map((level) => (
                  <Badge key={level} size="2xsmall">
                    {t("team.countAtLevel", { level, n: counts[level] ?? 0 })}
                  </Badge>
                ))}
              </div>
            </KeyValue>
          )}
          {query.data?.balances && <BalancesTable balances={query.data.balances} />}
        </>
      )}
      {query.data && binding !== undefined && (
        <div className="px-6 py-3" data-testid="widget-binding">
          <Text size="small" weight="plus">
            {t("widget.customer.boundTo")}
          </Text>
          {binding ? (
            <Text size="small" className="text-ui-fg-subtle">
              <Link className="text-ui-fg-interactive font-mono hover:underline" to={`/distribution/distributors/${binding.distributor_id}`}>
                {binding.code ?? binding.distributor?.code ?? binding.distributor_id}
              </Link>
              {binding.bound_at && ` · ${t("widget.customer.boundAt", { date: f.date(binding.bound_at) })}`}
              {binding.expires_at && ` · ${t("widget.customer.expiresAt", { date: f.date(binding.expires_at) })}`}
            </Text>
          ) : (
            <Text size="small" className="text-ui-fg-subtle">
              {t("widget.customer.notBound")}
            </Text>
          )}
        </div>
      )}
      {d && (
        <ReasonPrompt
          open={asking}
          onOpenChange={setAsking}
          title={t("actions.title_reject", { code: d.code })}
          confirmLabel={t("actions.reject")}
          onConfirm={(reason) => action.mutateAsync({ id: d.id, action: "reject", reason })}
        />
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "customer.details.after" })

export default CustomerDistributionWidget
