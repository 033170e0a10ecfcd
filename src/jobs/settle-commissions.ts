import { MedusaContainer } from "@medusajs/framework/types"
import { settleCommissionsWorkflow } from "../workflows/commission/workflows/settle-commissions"

/** Every 10 minutes: credit commissions whose hold is over. Safe on several workers at once. */
export default async function settleDistributionCommissionsJob(container: MedusaContainer) {
  const { result } = await settleCommissionsWorkflow(container).run({ input: {} })
  if (result.settled) {
    container.resolve("logger").info(`distribution: settled ${result.settled} commission(s)`)
  }
}

export const config = {
  name: "distribution-settle-commissions",
  schedule: "*/10 * * * *",
}
