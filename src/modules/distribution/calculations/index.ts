export * from "./types"
export { calculateKeptBase } from "./kept-base"
export { allocateRounded, capLevelRates, splitCommissions } from "./split-commission"
export { asAmount, asJson, currencyPrecision, roundHalfUp, toBN } from "./money"
