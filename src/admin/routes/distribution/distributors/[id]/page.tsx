import { Badge, Button, Container, Copy, Heading, Text, toast } from "@medusajs/ui"
import { GradeField } from "../../../../components/rules/grade-field"
import { useState } from "react"
import { Link, useParams } from "react-router-dom"
import { Status } from "../../../../components/badges"
import { ParentPicker } from "../../../../components/distributor/parent-picker"
import { MetadataEditor } from "../../../../components/distributor/metadata-editor"
import { TeamTree } from "../../../../components/distributor/team-tree"
import { CommissionsTable, WithdrawalsTable } from "../../../../components/money-tables"
import { WalletSection } from "../../../../components/wallet/wallet-section"
import { ReasonPrompt } from "../../../../components/reason-prompt"
import { ErrorState, KeyValue, Loading, PageError, SectionHeader, Empty } from "../../../../components/states"
import { keys, post, useDistributionQuery } from "../../../../lib/api"
import { customerName, useCustomers } from "../../../../lib/customers"
import { ACTIONS_FROM, DistributorAction, useDistributorAction } from "../../../../lib/distributor-actions"
import { useFormat } from "../../../../lib/format"
import { useT } from "../../../../lib/i18n"
import type {
  CommissionListResponse,
  Distributor,
  DistributorDetailResponse,
  SettingsResponse,
  WithdrawalListResponse,
} from "../../../../lib/types"
import { useQueryClient } from "@tanstack/react-query"

const Section = ({ title, children, actions, testId }: { title: string; children: React.ReactNode; actions?: React.ReactNode; testId?: string }) => (
  <Container className="divide-y p-0" data-testid={testId}>
    <SectionHeader title={title} actions={actions} />
    {children}
  </Container>
)

/** The share link (and its QR when the server renders one). */
const ShareLink = ({ detail }: { detail: DistributorDetailResponse }) => {
  const { t } = useT()
  const settings = useDistributionQuery<SettingsResponse>(keys.settings, "/settings")
  const base = settings.data?.settings.storefront_url?.replace(/\/+$/, "")
  const url = detail.share_link?.url ?? (base ? `${base}/?ref=${encodeURIComponent(detail.distributor.code)}` : null)
  const qr = detail.share_link?.qr_svg
  return (
    <div className="flex items-start gap-x-4 px-6 py-4">
      {qr && <img alt={t("share.qr")} className="h-28 w-28 rounded border" src={`data:image/svg+xml;utf8,${encodeURIComponent(qr)}`} />}
      <div className="flex min-w-0 flex-col gap-y-1">
        <Text size="small" weight="plus">
          {t("share.link")}
        </Text>
        {url ? (
          <div className="flex items-center gap-x-2">
            <a href={url} target="_blank" rel="noreferrer" className="txt-small text-ui-fg-interactive break-all hover:underline" data-testid="share-url">
              {url}
            </a>
            <Copy content={url} />
          </div>
        ) : settings.error ? (
          <ErrorState className="py-1" error={settings.error} />
        ) : (
          <Loading className="py-1" />
        )}
        {!qr && url && (
          <Text size="xsmall" className="text-ui-fg-muted">
            {t("share.qrHint")}
          </Text>
        )}
      </div>
    </div>
  )
}

const DistributorCommissions = ({ distributorId }: { distributorId: string }) => {
  const query = { distributor_id: distributorId, limit: 10 }
  const { data, error, isLoading } = useDistributionQuery<CommissionListResponse>(keys.commissions(query), "/commissions", query)
  if (isLoading) return <Loading />
  if (error) return <ErrorState error={error} />
  return <CommissionsTable commissions={data?.commissions ?? []} />
}

const DistributorWithdrawals = ({ distributorId }: { distributorId: string }) => {
  const query = { distributor_id: distributorId, limit: 10 }
  const { data, error, isLoading } = useDistributionQuery<WithdrawalListResponse>(keys.withdrawals(query), "/withdrawals", query)
  if (isLoading) return <Loading />
  if (error) return <ErrorState error={error} />
  return <WithdrawalsTable withdrawals={data?.withdrawals ?? []} />
}

const Upline = ({ upline }: { upline: Distributor[] }) => {
  const { t } = useT()
  if (!upline.length) return <Empty title={t("upline.none")} />
  return (
    <ol className="flex flex-wrap items-center gap-2 px-6 py-4" data-testid="upline">
      {upline.map((d, i) => (
        <li key={d.id} className="flex items-center gap-x-2">
          <Badge size="2xsmall">{t("common.levelN", { level: i + 1 })}</Badge>
          <Link to={`/distribution/distributors/${d.id}`} className="text-ui-fg-interactive font-mono txt-small hover:underline">
            {d.code}
          </Link>
          {d.display_name && (
            <Text size="small" className="text-ui-fg-subtle">
              {d.display_name}
            </Text>
          )}
          {i < upline.length - 1 && <span className="text-ui-fg-muted">←</span>}
        </li>
      ))}
    </ol>
  )
}

const DistributorDetailPage = () => {
  const { id } = useParams()
  const { t } = useT()
  const f = useFormat()
  const client = useQueryClient()
  const { data, error, isLoading, refetch } = useDistributionQuery<DistributorDetailResponse>(keys.distributor(id!), `/distributors/${id}`)
  const action = useDistributorAction()
  const [asking, setAsking] = useState<DistributorAction | null>(null)
  const [picking, setPicking] = useState(false)
  const [editing, setEditing] = useState(false)
  const customers = useCustomers(data ? [data.distributor.customer_id] : [])

  if (isLoading) return <Container className="p-0"><Loading /></Container>
  if (error || !data) return <PageError error={error} retry={() => refetch()} />
  const d = data.distributor
  const customer = d.customer ?? customers.get(d.customer_id)
  const available = (Object.keys(ACTIONS_FROM) as DistributorAction[]).filter((a) => ACTIONS_FROM[a].includes(d.status))
  const needsReason = (a: DistributorAction) => a === "reject" || a === "suspend"

  const run = async (a: DistributorAction, reason?: string) => {
    await action.mutateAsync({ id: d.id, action: a, reason })
    toast.success(t(`actions.done_${a}`))
  }

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex flex-wrap items-center justify-between gap-4 px-6 py-4">
          <div className="flex items-center gap-x-3">
            <Heading level="h1" className="font-mono">
              {d.code}
            </Heading>
            <Status status={d.status} />
          </div>
          <div className="flex items-center gap-x-2" data-testid="status-actions">
            {available.map((a) => (
              <Button
                key={a}
                size="small"
                variant={a === "approve" || a === "reactivate" ? "primary" : "secondary"}
                isLoading={action.isPending && action.variables?.action === a}
                onClick={() => (needsReason(a) ? setAsking(a) : run(a).catch((e) => toast.error(e.message)))}
              >
                {t(`actions.${a}`)}
              </Button>
            ))}
          </div>
        </div>
        <KeyValue label={t("fields.name")}>{d.display_name || customerName(customer) || "–"}</KeyValue>
        <KeyValue label={t("fields.customer")}>
          <Link to={`/customers/${d.customer_id}`} className="text-ui-fg-interactive hover:underline">
            {customer?.email ?? d.customer_id}
          </Link>
        </KeyValue>
        <KeyValue label={t("fields.code")}>
          <span className="font-mono">{d.code}</span>
        </KeyValue>
        <GradeField distributor={d} />
        <KeyValue label={t("fields.joined")}>{f.dateTime(d.created_at)}</KeyValue>
        {d.approved_at && <KeyValue label={t("fields.approvedAt")}>{f.dateTime(d.approved_at)}</KeyValue>}
        {d.status_reason && <KeyValue label={t("fields.statusReason")}>{d.status_reason}</KeyValue>}
        <ShareLink detail={data} />
      </Container>

      <Section
        title={t("upline.title")}
        actions={
          <Button size="small" variant="secondary" onClick={() => setPicking(true)} data-testid="change-parent">
            {t("parent.change")}
          </Button>
        }
      >
        <Upline upline={data.upline} />
      </Section>

      <Section title={t("team.title")} testId="team">
        <TeamTree distributorId={d.id} counts={data.team_counts} />
      </Section>

      <WalletSection distributorId={d.id} balances={data.balances ?? []} />

      <Section title={t("commissions.title")}>
        <DistributorCommissions distributorId={d.id} />
      </Section>

      <Section title={t("withdrawals.title")}>
        <DistributorWithdrawals distributorId={d.id} />
      </Section>

      <Section
        title={t("metadata.title")}
        actions={
          <Button size="small" variant="secondary" onClick={() => setEditing(true)}>
            {t("common.edit")}
          </Button>
        }
      >
        {d.metadata && Object.keys(d.metadata).length ? (
          <pre className="txt-compact-small text-ui-fg-subtle overflow-x-auto px-6 py-4 font-mono">{JSON.stringify(d.metadata, null, 2)}</pre>
        ) : (
          <Empty title={t("metadata.empty")} />
        )}
      </Section>

      <ParentPicker distributor={d} open={picking} onOpenChange={setPicking} />
      <MetadataEditor
        value={d.metadata}
        open={editing}
        onOpenChange={setEditing}
        onSave={async (metadata) => {
          await post(`/distributors/${d.id}`, { metadata })
          await client.invalidateQueries({ queryKey: keys.all })
        }}
      />
      <ReasonPrompt
        open={!!asking}
        onOpenChange={(o) => !o && setAsking(null)}
        title={asking ? t(`actions.title_${asking}`, { code: d.code }) : ""}
        confirmLabel={asking ? t(`actions.${asking}`) : ""}
        onConfirm={(reason) => run(asking!, reason)}
      />
    </div>
  )
}

export const handle = {
  breadcrumb: (match: { params: { id?: string } }) => match.params.id ?? "",
}

export default DistributorDetailPage
