import { TriangleDownMini, TriangleRightMini } from "@medusajs/icons"
import { Badge, IconButton, Text } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { keys, useDistributionQuery } from "../../lib/api"
import { useT } from "../../lib/i18n"
import type { TeamCounts, TeamMember, TeamResponse } from "../../lib/types"
import { Status } from "../badges"
import { Empty, ErrorState, Loading } from "../states"

/** A distributor's direct members, fetched when first shown. */
const Members = ({ parentId, depth }: { parentId: string; depth: number }) => {
  const { t } = useT()
  const { data, error, isLoading, refetch } = useDistributionQuery<TeamResponse>(keys.team(parentId, 1), `/distributors/${parentId}/team`, {
    level: 1,
    limit: 100,
  })
  if (isLoading) return <Loading className="py-2 pl-4" />
  if (error) return <ErrorState error={error} retry={() => refetch()} className="py-2 pl-4" />
  if (!data?.members.length) return <Empty className="py-2 pl-4" title={t("team.noMembers")} />
  return (
    <ul className="flex flex-col" data-testid={`team-level-${depth}`}>
      {data.members.map((m) => (
        <Node key={m.id} member={m} depth={depth} />
      ))}
      {data.count > data.members.length && (
        <li className="py-1" style={{ paddingLeft: (depth - 1) * 24 + 32 }}>
          <Text size="xsmall" className="text-ui-fg-muted">
            {t("team.more", { n: data.count - data.members.length })}
          </Text>
        </li>
      )}
    </ul>
  )
}

const Node = ({ member, depth }: { member: TeamMember; depth: number }) => {
  const { t } = useT()
  const [open, setOpen] = useState(false)
  const canExpand = depth < 3
  return (
    <li>
      <div className="flex items-center gap-x-2 py-1" style={{ paddingLeft: (depth - 1) * 24 }} data-testid="team-node">
        {canExpand ? (
          <IconButton size="2xsmall" variant="transparent" onClick={() => setOpen(!open)} aria-expanded={open} aria-label={t("team.expand")} data-testid="team-expand">
            {open ? <TriangleDownMini /> : <TriangleRightMini />}
          </IconButton>
        ) : (
          <span className="w-6" />
        )}
        <Badge size="2xsmall">{t("common.levelN", { level: depth })}</Badge>
        <Link to={`/distribution/distributors/${member.id}`} className="text-ui-fg-interactive font-mono hover:underline">
          {member.code}
        </Link>
        {member.display_name && (
          <Text size="small" className="text-ui-fg-subtle">
            {member.display_name}
          </Text>
        )}
        <Status status={member.status} />
      </div>
      {open && canExpand && <Members parentId={member.id} depth={depth + 1} />}
    </li>
  )
}

/** Levels 1–3 under a distributor, each level opened on demand, with the count per level. */
export const TeamTree = ({ distributorId, counts }: { distributorId: string; counts: TeamCounts }) => {
  const { t } = useT()
  const [open, setOpen] = useState(false)
  const total = (counts["1"] ?? 0) + (counts["2"] ?? 0) + (counts["3"] ?? 0)
  return (
    <div className="flex flex-col gap-y-2 px-6 py-4">
      <div className="flex flex-wrap items-center gap-2" data-testid="team-counts">
        {(["1", "2", "3"] as const).map((level) => (
          <Badge key={level} size="small" color="grey">
            {t("team.countAtLevel", { level, n: counts[level] ?? 0 })}
          </Badge>
        ))}
      </div>
      {total === 0 ? (
        <Empty className="py-1" title={t("team.empty")} />
      ) : (
        <div>
          <button type="button" className="txt-small text-ui-fg-interactive flex items-center gap-x-1" onClick={() => setOpen(!open)} data-testid="team-open">
            {open ? <TriangleDownMini /> : <TriangleRightMini />}
            {open ? t("team.hide") : t("team.show")}
          </button>
          {open && <Members parentId={distributorId} depth={1} />}
        </div>
      )}
    </div>
  )
}
