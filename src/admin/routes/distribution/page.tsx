import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Users } from "@medusajs/icons"
import { Badge, Container, Heading, Table, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { sdk } from "../../lib/sdk"

type Distributor = { id: string; code: string; status: string; display_name: string | null; parent_id: string | null; created_at: string }

const STATUS_COLOR: Record<string, "green" | "orange" | "red" | "grey"> = {
  active: "green",
  pending: "orange",
  suspended: "red",
  rejected: "grey",
}

/** Distribution overview: the newest distributors and their status. */
const DistributionPage = () => {
  const [distributors, setDistributors] = useState<Distributor[]>([])
  const [count, setCount] = useState(0)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    sdk.client
      .fetch<{ distributors: Distributor[]; count: number }>("/admin/distribution/distributors", { query: { limit: 50 } })
      .then((res) => {
        setDistributors(res.distributors)
        setCount(res.count)
      })
      .catch((e: Error) => setError(e.message))
  }, [])

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h1">Distribution</Heading>
        <Text size="small" className="text-ui-fg-subtle">{count} distributors</Text>
      </div>
      {error && <Text className="px-6 py-4 text-ui-fg-error">{error}</Text>}
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Code</Table.HeaderCell>
            <Table.HeaderCell>Name</Table.HeaderCell>
            <Table.HeaderCell>Status</Table.HeaderCell>
            <Table.HeaderCell>Joined</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {distributors.map((d) => (
            <Table.Row key={d.id}>
              <Table.Cell className="font-mono">{d.code}</Table.Cell>
              <Table.Cell>{d.display_name ?? "—"}</Table.Cell>
              <Table.Cell>
                <Badge color={STATUS_COLOR[d.status] ?? "grey"}>{d.status}</Badge>
              </Table.Cell>
              <Table.Cell>{new Date(d.created_at).toLocaleDateString()}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Distribution",
  icon: Users,
})

export default DistributionPage
