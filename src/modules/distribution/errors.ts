import { MedusaError } from "@medusajs/framework/utils"

export const notFound = (what: string) => new MedusaError(MedusaError.Types.NOT_FOUND, what)
export const notAllowed = (why: string) => new MedusaError(MedusaError.Types.NOT_ALLOWED, why)
export const invalid = (why: string) => new MedusaError(MedusaError.Types.INVALID_DATA, why)
export const conflict = (why: string) => new MedusaError(MedusaError.Types.CONFLICT, why)
