/**
 * The state machines as tables (`transitions.ts`): every action against every status,
 * allowed exactly where DESIGN §2 and the admin flows say, and the commission status a sync
 * leads to.
 */
import {
  commissionStatusAfter,
  CommissionStatus,
  DISTRIBUTOR_TRANSITIONS,
  DistributorAction,
  DistributorStatus,
  refusedTransition,
  WITHDRAWAL_TRANSITIONS,
  WithdrawalAction,
  WithdrawalStatus,
} from "../../src/modules/distribution/transitions"
import { COMMISSION_STATUSES } from "../../src/modules/distribution/models/commission"
import { DISTRIBUTOR_STATUSES } from "../../src/modules/distribution/models/distributor"
import { WITHDRAWAL_STATUSES } from "../../src/modules/distribution/models/withdrawal"

// Written out in full: status → action → where it leads ("—" where it does not apply).
const DISTRIBUTOR: Record<DistributorStatus, Record<DistributorAction, DistributorStatus | "—">> = {
  pending: { approve: "active", reject: "rejected", suspend: "suspended", reactivate: "—" },
  active: { approve: "—", reject: "—", suspend: "suspended", reactivate: "—" },
  rejected: { approve: "active", reject: "—", suspend: "—", reactivate: "—" },
  suspended: { approve: "—", reject: "—", suspend: "—", reactivate: "active" },
}
// Paid, rejected and failed are final; rejected and failed give the money back.
const WITHDRAWAL: Record<WithdrawalStatus, Record<WithdrawalAction, WithdrawalStatus | "—">> = {
  requested: { approve: "approved", reject: "rejected", mark_paid: "—", mark_failed: "—", fail: "failed" },
  approved: { approve: "—", reject: "rejected", mark_paid: "paid", mark_failed: "failed", fail: "failed" },
  paid: { approve: "—", reject: "—", mark_paid: "—", mark_failed: "—", fail: "—" },
  rejected: { approve: "—", reject: "—", mark_paid: "—", mark_failed: "—", fail: "—" },
  failed: { approve: "—", reject: "—", mark_paid: "—", mark_failed: "—", fail: "—" },
}
const REFUNDS: Record<WithdrawalAction, boolean> = { approve: false, reject: true, mark_paid: false, mark_failed: true, fail: true }

describe("state transitions (tables)", () => {
  it("the tables cover every status the models know, and every action", () => {
    expect(Object.keys(DISTRIBUTOR).sort()).toEqual([...DISTRIBUTOR_STATUSES].sort())
    expect(Object.keys(WITHDRAWAL).sort()).toEqual([...WITHDRAWAL_STATUSES].sort())
    expect(Object.keys(DISTRIBUTOR_TRANSITIONS).sort()).toEqual(Object.keys(DISTRIBUTOR.pending).sort())
    expect(Object.keys(WITHDRAWAL_TRANSITIONS).sort()).toEqual(Object.keys(WITHDRAWAL.requested).sort())
  })

  const distributorCases = DISTRIBUTOR_STATUSES.flatMap((status) =>
    (Object.keys(DISTRIBUTOR[status]) as DistributorAction[]).map((action) => [action, status, DISTRIBUTOR[status][action]] as const)
  )
  it.each(distributorCases)("distributor: %s on a %s one → %s", (action, status, to) => {
    const refused = refusedTransition(DISTRIBUTOR_TRANSITIONS, action, status, "Distributor d1")
    if (to === "—") {
      expect(refused).toBe(
        `Distributor d1 is ${status}: ${action} applies to ${DISTRIBUTOR_TRANSITIONS[action].from.join(" or ")} ones`
      )
    } else {
      expect(refused).toBeNull()
      expect(DISTRIBUTOR_TRANSITIONS[action].to).toBe(to)
    }
  })

  const withdrawalCases = WITHDRAWAL_STATUSES.flatMap((status) =>
    (Object.keys(WITHDRAWAL[status]) as WithdrawalAction[]).map((action) => [action, status, WITHDRAWAL[status][action]] as const)
  )
  it.each(withdrawalCases)("withdrawal: %s on a %s one → %s", (action, status, to) => {
    const refused = refusedTransition(WITHDRAWAL_TRANSITIONS, action, status, "Withdrawal w1")
    if (to === "—") {
      expect(refused).toMatch(new RegExp(`^Withdrawal w1 is ${status}: ${action.replace("_", " ")} applies to `))
    } else {
      expect(refused).toBeNull()
      expect(WITHDRAWAL_TRANSITIONS[action].to).toBe(to)
      expect(WITHDRAWAL_TRANSITIONS[action].refunds).toBe(REFUNDS[action])
    }
  })

  it("a refusal names the statuses the action applies to, in words a person reads", () => {
    expect(refusedTransition(WITHDRAWAL_TRANSITIONS, "mark_paid", "requested", "Withdrawal w1")).toBe(
      "Withdrawal w1 is requested: mark paid applies to approved ones"
    )
    expect(refusedTransition(DISTRIBUTOR_TRANSITIONS, "suspend", "rejected", "Distributor d1")).toBe(
      "Distributor d1 is rejected: suspend applies to active or pending ones"
    )
  })
})

describe("commissionStatusAfter", () => {
  // current status → [amount not 0 & not held, not 0 & held, 0 & not held, 0 & held]
  const TABLE: Record<CommissionStatus, [CommissionStatus, CommissionStatus, CommissionStatus, CommissionStatus]> = {
    // placed: waits for the trigger; the trigger starts the hold; nothing left cancels it
    pending: ["pending", "frozen", "canceled", "canceled"],
    // the hold runs until the settlement job; nothing left cancels it
    frozen: ["frozen", "frozen", "canceled", "canceled"],
    // settled money stays settled: a change is a ledger entry (clawback or credit)
    settled: ["settled", "settled", "settled", "settled"],
    // money coming back (an edit adding units) reopens it, held if the trigger was reached
    canceled: ["pending", "frozen", "canceled", "canceled"],
  }
  const cases = COMMISSION_STATUSES.flatMap((current) =>
    [
      [false, false],
      [false, true],
      [true, false],
      [true, true],
    ].map(([zero, held], i) => [current, zero, held, TABLE[current][i]] as const)
  )
  it.each(cases)("%s, amount at 0: %s, held: %s → %s", (current, zero, held, want) => {
    expect(commissionStatusAfter(current, zero, held)).toBe(want)
  })

  it("the table covers every commission status", () => {
    expect(Object.keys(TABLE).sort()).toEqual([...COMMISSION_STATUSES].sort())
  })
})
