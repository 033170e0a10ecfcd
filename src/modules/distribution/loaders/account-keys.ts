import { LoaderOptions } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { accountKeyring, AccountKeysError, ACCOUNT_KEYS_ENV } from "../account-crypto"

/**
 * Checks the account encryption keys at boot, so a missing or broken key is seen in the log
 * at once rather than at the first withdrawal. It does not stop the server: every other part
 * of the plugin works without the key, and withdrawals refuse with a clear message.
 */
export default async function accountKeysLoader({ container }: LoaderOptions) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  try {
    const ring = accountKeyring()
    if (!ring.development) logger.info(`[distribution] withdrawal accounts encrypted with key "${ring.current}" (${ring.keys.size} key(s) in ${ACCOUNT_KEYS_ENV})`)
  } catch (error) {
    if (!(error instanceof AccountKeysError)) throw error
    logger.error(`[distribution] ${error.message} Withdrawals are refused until then.`)
  }
}
