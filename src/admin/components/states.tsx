import { ExclamationCircle, Spinner } from "@medusajs/icons"
import { Button, Container, Heading, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { errorMessage } from "../lib/api"
import { useT } from "../lib/i18n"

export const Loading = ({ className = "px-6 py-4" }: { className?: string }) => {
  const { t } = useT()
  return (
    <div className={`text-ui-fg-subtle flex items-center gap-x-2 ${className}`} role="status">
      <Spinner className="animate-spin" />
      <Text size="small">{t("common.loading")}</Text>
    </div>
  )
}

/** What went wrong, in the server's words, and a way to try again. */
export const ErrorState = ({ error, retry, className = "px-6 py-4" }: { error: unknown; retry?: () => void; className?: string }) => {
  const { t } = useT()
  const status = (error as { status?: number })?.status
  return (
    <div className={`flex items-start gap-x-2 ${className}`} role="alert">
      <ExclamationCircle className="text-ui-fg-error mt-0.5" />
      <div className="flex flex-col gap-y-1">
        <Text size="small" weight="plus">
          {status === 404 ? t("common.unavailable") : t("common.error")}
        </Text>
        <Text size="small" className="text-ui-fg-subtle">
          {errorMessage(error)}
        </Text>
        {retry && (
          <div>
            <Button size="small" variant="secondary" onClick={retry}>
              {t("common.retry")}
            </Button>
          </div>
        )}
      </div>
    </div>
  )
}

export const Empty = ({ title, description, className = "px-6 py-4" }: { title?: string; description?: string; className?: string }) => {
  const { t } = useT()
  return (
    <div className={`flex flex-col gap-y-1 ${className}`}>
      <Text size="small" weight="plus">
        {title ?? t("common.empty")}
      </Text>
      {description && (
        <Text size="small" className="text-ui-fg-subtle">
          {description}
        </Text>
      )}
    </div>
  )
}

/** A page-level error, in a container of its own. */
export const PageError = ({ error, retry }: { error: unknown; retry?: () => void }) => (
  <Container className="p-0">
    <ErrorState error={error} retry={retry} />
  </Container>
)

export const SectionHeader = ({ title, subtitle, actions, level = "h2" }: { title: string; subtitle?: string; actions?: ReactNode; level?: "h1" | "h2" }) => (
  <div className="flex items-center justify-between gap-x-4 px-6 py-4">
    <div>
      <Heading level={level}>{title}</Heading>
      {subtitle && (
        <Text size="small" className="text-ui-fg-subtle">
          {subtitle}
        </Text>
      )}
    </div>
    {actions && <div className="flex items-center gap-x-2">{actions}</div>}
  </div>
)

export const KeyValue = ({ label, children }: { label: string; children: ReactNode }) => (
  <div className="text-ui-fg-subtle grid grid-cols-2 items-start px-6 py-3">
    <Text size="small" weight="plus" leading="compact">
      {label}
    </Text>
    <div className="txt-small text-ui-fg-base break-all">{children}</div>
  </div>
)
