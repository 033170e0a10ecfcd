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
export const Status = ({ status, kind }: { status: string; kind?: "commission" }) => {
  const { t } = useT()
  // A commission's `pending` (not yet earned) is not a distributor's `pending` (awaiting review).
  const key = kind === "commission" && status === "pending" ? "status.commission_pending" : `status.${status}`
  return <StatusBadge color={COLORS[status] ?? "grey"}>{t(key, { defaultValue: status })}</StatusBadge>
}
