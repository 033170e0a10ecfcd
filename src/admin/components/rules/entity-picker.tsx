import { Input, Select, Text } from "@medusajs/ui"
import { useState } from "react"
import { useT } from "../../lib/i18n"
import { EntityKind, useEntityNames, useEntitySearch } from "./entities"

type Props = { id: string; kind: EntityKind; value: string | null; onChange: (id: string | null) => void; allowNone?: boolean; invalid?: boolean }

/** A search box and a select of the real products, categories, collections, types or customer groups. */
export const EntityPicker = ({ id, kind, value, onChange, allowNone, invalid }: Props) => {
  const { t } = useT()
  const [q, setQ] = useState("")
  const found = useEntitySearch(kind, q)
  const names = useEntityNames(kind, value ? [value] : [])
  const options = [...(found.data ?? [])]
  if (value && !options.some((o) => o.id === value)) options.unshift({ id: value, label: names.get(value) ?? value })
  return (
    <div className="flex flex-col gap-y-2" data-testid={`${id}-picker`}>
      <Input size="small" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t("rules.picker.search")} data-testid={`${id}-search`} />
      <Select value={value ?? (allowNone ? "__none" : undefined)} onValueChange={(v) => onChange(v === "__none" ? null : v)}>
        <Select.Trigger id={id} aria-invalid={invalid} data-testid={id}>
          <Select.Value placeholder={t("rules.picker.choose")} />
        </Select.Trigger>
        <Select.Content>
          {allowNone && <Select.Item value="__none">{t("rules.picker.none")}</Select.Item>}
          {options.map((o) => (
            <Select.Item key={o.id} value={o.id}>
              {o.label}
            </Select.Item>
          ))}
        </Select.Content>
      </Select>
      {found.data && !found.data.length && (
        <Text size="xsmall" className="text-ui-fg-muted">
          {t("rules.picker.noMatch")}
        </Text>
      )}
    </div>
  )
}
