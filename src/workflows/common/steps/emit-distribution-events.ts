import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export type DistributionEventMessage = { name: string; data: Record<string, unknown> }

/**
 * Like core's `emitEventStep`, but for a list of events with different names that a
 * workflow only knows at run time. Grouped events go out when the workflow succeeds.
 */
export const emitDistributionEventsStepId = "emit-distribution-events"
export const emitDistributionEventsStep = createStep(
  emitDistributionEventsStepId,
  async (events: DistributionEventMessage[], { container, eventGroupId }) => {
    if (!events.length) return new StepResponse(undefined, null)
    const eventBus = container.resolve(Modules.EVENT_BUS)
    const metadata = eventGroupId ? { eventGroupId } : {}
    await eventBus.emit(events.map((event) => ({ name: event.name, data: event.data, metadata })))
    return new StepResponse(undefined, eventGroupId ? { eventGroupId, eventNames: events.map((e) => e.name) } : null)
  },
  async (grouped, { container }) => {
    if (!grouped) return
    const eventBus = container.resolve(Modules.EVENT_BUS)
    await eventBus.clearGroupedEvents(grouped.eventGroupId, { eventNames: grouped.eventNames })
  }
)
