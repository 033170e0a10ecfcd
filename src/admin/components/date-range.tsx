import { Input, Label } from "@medusajs/ui"
import { useT } from "../lib/i18n"

export type DateRange = { from: string; to: string }

/** `YYYY-MM-DD` (UTC, the day the server counts in) of `days` days ago. */
export function daysAgo(days: number) {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10)
}

export const defaultRange = (): DateRange => ({ from: daysAgo(29), to: daysAgo(0) })

/** Inclusive day range as the API's `from`/`to` instants (the end of `to` included). */
export function rangeQuery(range: Partial<DateRange>) {
  return {
    from: range.from ? new Date(`${range.from}T00:00:00`).toISOString() : undefined,
    to: range.to ? new Date(`${range.to}T23:59:59.999`).toISOString() : undefined,
  }
}

export const DateRangeInputs = ({ value, onChange }: { value: Partial<DateRange>; onChange: (range: Partial<DateRange>) => void }) => {
  const { t } = useT()
  return (
    <div className="flex items-end gap-x-2">
      <div className="flex flex-col gap-y-1">
        <Label size="xsmall" htmlFor="distribution-from">
          {t("common.from")}
        </Label>
        <Input id="distribution-from" size="small" type="date" value={value.from ?? ""} max={value.to} onChange={(e) => onChange({ ...value, from: e.target.value })} />
      </div>
      <div className="flex flex-col gap-y-1">
        <Label size="xsmall" htmlFor="distribution-to">
          {t("common.to")}
        </Label>
        <Input id="distribution-to" size="small" type="date" value={value.to ?? ""} min={value.from} onChange={(e) => onChange({ ...value, to: e.target.value })} />
      </div>
    </div>
  )
}
