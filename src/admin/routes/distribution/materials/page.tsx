import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Badge, Button, Checkbox, Container, Drawer, Input, Label, Select, Table, Text, Textarea, toast, usePrompt } from "@medusajs/ui"
import { useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { Empty, ErrorState, Loading, SectionHeader } from "../../../components/states"
import { errorMessage, post, useDistributionQuery } from "../../../lib/api"
import { useFormat } from "../../../lib/format"
import { useT } from "../../../lib/i18n"
import { sdk } from "../../../lib/sdk"

const KINDS = ["image", "video", "copy"] as const
type Kind = (typeof KINDS)[number]
type Material = { id: string; kind: Kind; title: string; body: string | null; file_url: string | null; grade_ids: string[]; created_at: string }
type GradeOption = { id: string; name: string; rank: number }

const materialsKey = ["distribution", "materials"] as const
const gradesKey = ["distribution", "materials", "grades"] as const

/** The grades a material is shown to, as tags; none = every grade. */
const GradeTags = ({ ids, grades }: { ids: string[]; grades: GradeOption[] }) => {
  const { t } = useT()
  if (!ids.length) return <Badge size="2xsmall" color="green">{t("materials.allGrades")}</Badge>
  return (
    <div className="flex flex-wrap gap-1">
      {ids.map((id) => (
        <Badge key={id} size="2xsmall" color="blue">{grades.find((g) => g.id === id)?.name ?? t("materials.unknownGrade")}</Badge>
      ))}
    </div>
  )
}

/** Create: images and videos are uploaded through Medusa's file module first, and the URL it answers is kept. */
const CreateDrawer = ({ open, onOpenChange, grades }: { open: boolean; onOpenChange: (o: boolean) => void; grades: GradeOption[] }) => {
  const { t } = useT()
  const client = useQueryClient()
  const [kind, setKind] = useState<Kind>("image")
  const [title, setTitle] = useState("")
  const [body, setBody] = useState("")
  const [fileUrl, setFileUrl] = useState<string | null>(null)
  const [gradeIds, setGradeIds] = useState<string[]>([])
  const [busy, setBusy] = useState<"upload" | "save" | null>(null)
  const [error, setError] = useState<string | null>(null)

  const reset = () => (setKind("image"), setTitle(""), setBody(""), setFileUrl(null), setGradeIds([]), setError(null))

  const upload = async (file: File | undefined) => {
    if (!file) return
    setBusy("upload")
    setError(null)
    try {
      const { files } = await sdk.admin.upload.create({ files: [file] })
      setFileUrl(files[0].url)
      toast.success(t("materials.uploaded"))
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(null)
    }
  }

  const save = async () => {
    if (!title.trim()) return setError(t("materials.errors.title"))
    if (kind === "copy" && !body.trim()) return setError(t("materials.errors.body"))
    if (kind !== "copy" && !fileUrl) return setError(t("materials.errors.file"))
    setBusy("save")
    try {
      await post("/materials", { kind, title: title.trim(), grade_ids: gradeIds, ...(body.trim() ? { body: body.trim() } : {}), ...(kind !== "copy" ? { file_url: fileUrl } : {}) })
      await client.invalidateQueries({ queryKey: materialsKey })
      toast.success(t("materials.created"))
      reset()
      onOpenChange(false)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(null)
    }
  }

  return (
    <Drawer open={open} onOpenChange={(o) => (o || reset(), onOpenChange(o))}>
      <Drawer.Content data-testid="material-create">
        <Drawer.Header>
          <Drawer.Title>{t("materials.add")}</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
          <div className="flex flex-col gap-y-1">
            <Label size="small" htmlFor="material-kind">{t("materials.fields.kind")}</Label>
            <Select value={kind} onValueChange={(v) => (setKind(v as Kind), setError(null))}>
              <Select.Trigger id="material-kind"><Select.Value /></Select.Trigger>
              <Select.Content>
                {KINDS.map((k) => <Select.Item key={k} value={k}>{t(`materials.kinds.${k}`)}</Select.Item>)}
              </Select.Content>
            </Select>
          </div>
          <div className="flex flex-col gap-y-1">
            <Label size="small" htmlFor="material-title">{t("materials.fields.title")}</Label>
            <Input id="material-title" value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
          </div>
          {kind !== "copy" && (
            <div className="flex flex-col gap-y-1">
              <Label size="small" htmlFor="material-file">{t("materials.fields.file")}</Label>
              <input
                id="material-file"
                type="file"
                className="txt-small"
                accept={kind === "image" ? "image/*" : "video/*"}
                onChange={(e) => upload(e.target.files?.[0])}
              />
              {busy === "upload" && <Text size="small" className="text-ui-fg-subtle">{t("materials.uploading")}</Text>}
              {fileUrl && <Text size="small" className="text-ui-fg-subtle break-all">{fileUrl}</Text>}
            </div>
          )}
          <div className="flex flex-col gap-y-1">
            <Label size="small" htmlFor="material-body">{t("materials.fields.body")}</Label>
            <Textarea id="material-body" value={body} rows={4} onChange={(e) => setBody(e.target.value)} />
          </div>
          <div className="flex flex-col gap-y-2">
            <Label size="small">{t("materials.fields.grades")}</Label>
            <Text size="small" className="text-ui-fg-subtle">{t("materials.fields.gradesHelp")}</Text>
            {grades.map((g) => (
              <div key={g.id} className="flex items-center gap-x-2">
                <Checkbox
                  id={`material-grade-${g.id}`}
                  checked={gradeIds.includes(g.id)}
                  onCheckedChange={(v) => setGradeIds(v ? [...gradeIds, g.id] : gradeIds.filter((x) => x !== g.id))}
                />
                <Label size="small" htmlFor={`material-grade-${g.id}`}>{g.name}</Label>
              </div>
            ))}
          </div>
          {error && <Text size="small" className="text-ui-fg-error" role="alert">{error}</Text>}
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary">{t("materials.cancel")}</Button>
          </Drawer.Close>
          <Button size="small" onClick={save} isLoading={busy === "save"} disabled={busy === "upload"} data-testid="material-save">
            {t("materials.create")}
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}

const MaterialsPage = () => {
  const { t } = useT()
  const f = useFormat()
  const prompt = usePrompt()
  const client = useQueryClient()
  const [creating, setCreating] = useState(false)
  const { data, error, isLoading, refetch } = useDistributionQuery<{ materials: Material[]; count: number }>(materialsKey, "/materials", { limit: 100 })
  const grades = useDistributionQuery<{ grades: GradeOption[] }>(gradesKey, "/grades", { limit: 100 })
  const gradeList = grades.data?.grades ?? []

  const remove = async (m: Material) => {
    const ok = await prompt({ title: t("materials.deleteTitle"), description: t("materials.deleteBody", { title: m.title }), confirmText: t("materials.delete"), cancelText: t("materials.cancel") })
    if (!ok) return
    try {
      await sdk.client.fetch(`/admin/distribution/materials/${m.id}`, { method: "DELETE" })
      await client.invalidateQueries({ queryKey: materialsKey })
      toast.success(t("materials.deleted"))
    } catch (e) {
      toast.error(errorMessage(e))
    }
  }

  return (
    <Container className="divide-y p-0">
      <SectionHeader
        level="h1"
        title={t("materials.title")}
        subtitle={t("materials.subtitle")}
        actions={<Button size="small" variant="secondary" onClick={() => setCreating(true)} data-testid="material-add">{t("materials.add")}</Button>}
      />
      {isLoading && <Loading />}
      {error && <ErrorState error={error} retry={() => refetch()} />}
      {data && !data.materials.length && <Empty title={t("materials.empty")} description={t("materials.emptyHelp")} />}
      {data && data.materials.length > 0 && (
        <Table data-testid="materials-table">
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{t("materials.fields.title")}</Table.HeaderCell>
              <Table.HeaderCell>{t("materials.fields.kind")}</Table.HeaderCell>
              <Table.HeaderCell>{t("materials.fields.grades")}</Table.HeaderCell>
              <Table.HeaderCell>{t("materials.fields.created_at")}</Table.HeaderCell>
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {data.materials.map((m) => (
              <Table.Row key={m.id} data-testid="material-row">
                <Table.Cell>
                  <div className="flex flex-col py-2">
                    <Text size="small" weight="plus">{m.title}</Text>
                    {m.body && <Text size="small" className="text-ui-fg-subtle line-clamp-2">{m.body}</Text>}
                    {m.file_url && (
                      <a className="txt-small text-ui-fg-interactive" href={m.file_url} target="_blank" rel="noreferrer">{t("materials.open")}</a>
                    )}
                  </div>
                </Table.Cell>
                <Table.Cell><Badge size="2xsmall">{t(`materials.kinds.${m.kind}`)}</Badge></Table.Cell>
                <Table.Cell><GradeTags ids={m.grade_ids} grades={gradeList} /></Table.Cell>
                <Table.Cell>{f.dateTime(m.created_at)}</Table.Cell>
                <Table.Cell>
                  <Button size="small" variant="transparent" onClick={() => remove(m)}>{t("materials.delete")}</Button>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      <CreateDrawer open={creating} onOpenChange={setCreating} grades={gradeList} />
    </Container>
  )
}

export const config = defineRouteConfig({ label: "materials.nav", rank: 12, translationNs: "distribution" })

export default MaterialsPage
