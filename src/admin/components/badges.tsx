import { StatusBadge } from "@medusajs/ui"
import { useT } from "../lib/i18n"

type Color = "green" | "orange" | "red" | "grey" | "blue" | "purple"

const COLORS: Record<string, Color> = {
  active: "green",
  pending: "orange",
  suspended: "red",
  rejected: "grey",
  frozen: "blue",
  settled: "green",
  canceled: "grey",
  requested: "orange",
  approved: "blue",
  paid: "green",
  failed: "red",
}

/** A distributor's, commission's or withdrawal's status in the admin's language. */
export const Status = ({ status }: { status: string }) => {
  const { t } = useT()
  return <StatusBadge color={COLORS[status] ?? "grey"}>{t(`status.${status}`, { defaultValue: status })}</StatusBadge>
}
