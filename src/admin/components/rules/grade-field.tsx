import { Select, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { useQueryClient } from "@tanstack/react-query"
import { errorMessage, keys, post } from "../../lib/api"
import { useT } from "../../lib/i18n"
import type { Distributor } from "../../lib/types"
import { KeyValue } from "../states"
import { useTermsList } from "./terms-table"
import type { Grade } from "./terms"

/** A distributor's grade, set by hand from the distributor page (the server records the change). */
export const GradeField = ({ distributor }: { distributor: Distributor }) => {
  const { t } = useT()
  const client = useQueryClient()
  const grades = useTermsList<Grade>("/grades", "grades")
  const [error, setError] = useState<string | null>(null)
  const change = async (value: string) => {
    setError(null)
    try {
      await post(`/distributors/${distributor.id}`, { grade_id: value === "__none" ? null : value })
      await client.invalidateQueries({ queryKey: keys.all })
      toast.success(t("rules.grades.set"))
    } catch (e) {
      setError(errorMessage(e))
    }
  }
  return (
    <KeyValue label={t("fields.grade")}>
      <div className="flex flex-col gap-y-1" data-testid="distributor-grade">
        <Select size="small" value={distributor.grade_id ?? "__none"} onValueChange={change}>
          <Select.Trigger id="distributor-grade" aria-label={t("rules.grades.setLabel")}>
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value="__none">{t("common.none")}</Select.Item>
            {grades.rows.map((g) => (
              <Select.Item key={g.id} value={g.id}>
                {g.name}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
        {error && (
          <Text size="small" className="text-ui-fg-error" role="alert">
            {error}
          </Text>
        )}
      </div>
    </KeyValue>
  )
}
