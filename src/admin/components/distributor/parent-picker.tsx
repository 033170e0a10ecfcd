import { Button, Drawer, Input, Label, Text } from "@medusajs/ui"
import { useState } from "react"
import { errorMessage, keys, post, useDistributionQuery } from "../../lib/api"
import { useT } from "../../lib/i18n"
import type { Distributor, DistributorListResponse } from "../../lib/types"
import { useQueryClient } from "@tanstack/react-query"
import { Status } from "../badges"
import { Empty, ErrorState, Loading } from "../states"

/** Moves a distributor under another one (or to the top); the server refuses cycles and says why. */
export const ParentPicker = ({ distributor, open, onOpenChange }: { distributor: Distributor; open: boolean; onOpenChange: (open: boolean) => void }) => {
  const { t } = useT()
  const client = useQueryClient()
  const [q, setQ] = useState("")
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const query = { q: q.trim() || undefined, limit: 10 }
  const list = useDistributionQuery<DistributorListResponse>(keys.distributors({ ...query, picker: true }), "/distributors", query, { enabled: open })

  const choose = async (parent_id: string | null) => {
    setBusy(true)
    setError(null)
    try {
      await post(`/distributors/${distributor.id}/parent`, { parent_id })
      await client.invalidateQueries({ queryKey: keys.all })
      onOpenChange(false)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  const candidates = (list.data?.distributors ?? []).filter((d) => d.id !== distributor.id)
  return (
    <Drawer open={open} onOpenChange={(o) => (setError(null), onOpenChange(o))}>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>{t("parent.title")}</Drawer.Title>
          <Drawer.Description>{t("parent.description")}</Drawer.Description>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-3 overflow-y-auto">
          <div className="flex flex-col gap-y-1">
            <Label size="small" htmlFor="parent-search">
              {t("parent.search")}
            </Label>
            <Input id="parent-search" type="search" size="small" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t("distributors.search")} />
          </div>
          {error && (
            <Text size="small" className="text-ui-fg-error" role="alert" data-testid="parent-error">
              {error}
            </Text>
          )}
          {list.isLoading && <Loading className="py-2" />}
          {list.error && <ErrorState className="py-2" error={list.error} />}
          {list.data && !candidates.length && <Empty className="py-2" title={t("table.noResults")} />}
          <ul className="flex flex-col divide-y">
            {candidates.map((d) => (
              <li key={d.id} className="flex items-center justify-between gap-x-2 py-2">
                <div className="flex items-center gap-x-2">
                  <span className="font-mono txt-small">{d.code}</span>
                  {d.display_name && <Text size="small" className="text-ui-fg-subtle">{d.display_name}</Text>}
                  <Status status={d.status} />
                </div>
                <Button size="small" variant="secondary" disabled={busy || d.id === distributor.parent_id} onClick={() => choose(d.id)} data-testid={`choose-parent-${d.code}`}>
                  {d.id === distributor.parent_id ? t("parent.current") : t("parent.choose")}
                </Button>
              </li>
            ))}
          </ul>
        </Drawer.Body>
        <Drawer.Footer>
          <Button size="small" variant="secondary" disabled={busy || !distributor.parent_id} onClick={() => choose(null)}>
            {t("parent.none")}
          </Button>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary">
              {t("common.close")}
            </Button>
          </Drawer.Close>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
