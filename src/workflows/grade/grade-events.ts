import { AppliedGradeChange } from "../../modules/distribution/services/grade-progress"
import { DistributionEvents } from "../events"

/** `distribution.grade.upgraded` for every move up (a downgrade by an admin is recorded, not announced). */
export const gradeEvents = (changes: AppliedGradeChange[], source: "auto" | "admin") =>
  changes
    .filter((c) => c.upgraded)
    .map((c) => ({
      name: DistributionEvents.GRADE_UPGRADED,
      data: { id: c.distributor_id, from_grade_id: c.from_grade_id, to_grade_id: c.to_grade_id, source },
    }))
