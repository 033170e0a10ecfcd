import { Module } from "@medusajs/framework/utils"
import DistributionModuleService from "./service"

export const DISTRIBUTION_MODULE = "distribution"

export default Module(DISTRIBUTION_MODULE, {
  service: DistributionModuleService,
})

export { DistributionModuleService }
