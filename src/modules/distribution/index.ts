import { Module } from "@medusajs/framework/utils"
import DistributionModuleService from "./service"
import accountKeysLoader from "./loaders/account-keys"

export const DISTRIBUTION_MODULE = "distribution"

export default Module(DISTRIBUTION_MODULE, {
  service: DistributionModuleService,
  loaders: [accountKeysLoader],
})

export { DistributionModuleService }
