import { Link } from "react-router-dom"
import { keys, useDistributionQuery } from "../lib/api"
import type { DistributorDetailResponse } from "../lib/types"

/** A link to a distributor, shown by its code once known (one cached detail query per id). */
export const DistributorLink = ({ id }: { id: string }) => {
  const { data } = useDistributionQuery<DistributorDetailResponse>(keys.distributor(id), `/distributors/${id}`, undefined, { staleTime: 60_000 })
  return (
    <Link
      className="text-ui-fg-interactive font-mono hover:underline"
      to={`/distribution/distributors/${id}`}
      onClick={(e) => e.stopPropagation()}
      data-distributor-id={id}
    >
      {data?.distributor.code ?? id.slice(-8)}
    </Link>
  )
}
