import { MedusaContainer } from "@medusajs/framework/types"
import { sendRepurchaseRemindersWorkflow } from "../workflows/repurchase/workflows/send-repurchase-reminders"

/**
 * Every six hours: reminds bound customers whose usual reorder interval has passed
 * (`distribution.customer.repurchase_due`). Once per customer and interval, however many
 * workers run it.
 */
export default async function distributionRepurchaseRemindersJob(container: MedusaContainer) {
  const { result } = await sendRepurchaseRemindersWorkflow(container).run({ input: {} })
  if (result.sent) {
    container.resolve("logger").info(`distribution: ${result.sent} repurchase reminder(s) due`)
  }
}

export const config = {
  name: "distribution-repurchase-reminders",
  schedule: "41 */6 * * *",
}
