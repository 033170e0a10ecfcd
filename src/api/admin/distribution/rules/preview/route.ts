import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { distributionService } from "../../../../utils"
import { AdminPreviewTermsType } from "../../terms/validators"
import { previewCommissionTerms } from "../../../../../workflows/terms/preview-commission-terms"

/** What the range's real orders would pay under draft terms, against the terms in force. Writes nothing. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminPreviewTermsType>, res: MedusaResponse) => {
  const body = req.validatedBody
  const preview = await previewCommissionTerms(req.scope, distributionService(req), req.scope.resolve(ContainerRegistrationKeys.QUERY), body)
  res.json(preview)
}
