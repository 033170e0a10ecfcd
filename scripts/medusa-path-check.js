// Can Medusa boot from this checkout? Medusa 2.21.2 finds a core module's models by
// splitting the module's file path at the first "dist" anywhere in it
// (@medusajs/utils/dist/modules-sdk/joiner-config-builder.js). From a folder such as
// `.../medusa-plugin-distribution/` (what `git clone` names this repository) it looks in
// the wrong place, and the app dies a minute later with `Service with alias "api_key" was
// not found`. `npm install` patches that check (patches/, applied by patch-package in the
// `prepare` script); this asks the installed code itself, so it also catches a patch that
// did not apply, or a Medusa that changed.
const path = require("path")

/**
 * Loads one core module's joiner config the way Medusa does and checks that it found the
 * module's models. Returns null when Medusa can run from `root` (or Medusa is not
 * installed, which the callers report themselves), else a message saying what to do.
 *
 * @param {string} root the checkout (the folder with package.json and node_modules)
 * @returns {string | null}
 */
function medusaPathProblem(root) {
  let file
  try {
    file = require.resolve("@medusajs/api-key/dist/joiner-config", { paths: [root] })
  } catch {
    return null // not installed: `npm install` first, which the callers say
  }
  const { joinerConfig } = require(file)
  const found = (joinerConfig?.alias ?? []).some((alias) => [alias.name].flat().includes("api_key"))
  if (found) return null

  const lines = [
    `Medusa cannot start from this folder: ${root}`,
    `Its core modules find no models here (@medusajs/api-key has no "api_key"), so the server would`,
    `die after a minute with \`Service with alias "api_key" was not found\`.`,
  ]
  // The module's own ".../api-key/dist/" is expected; a "dist" before it is the cause.
  const beforeOwnDist = file.slice(0, file.lastIndexOf(`${path.sep}dist${path.sep}`))
  if (beforeOwnDist.includes("dist")) {
    const parent = path.dirname(root)
    lines.push(
      `Cause: the path contains "dist", and @medusajs/utils splits file paths at the first "dist".`,
      `\`npm install\` patches that (patches/@medusajs+utils+*.patch), but the patch is not applied:`,
      `  - run \`npx patch-package\` and read its error (a different @medusajs/utils version?), or`,
      parent.includes("dist")
        ? `  - move the checkout to a path without "dist" in it, then \`npm install\` there again.`
        : `  - move the checkout to a path without "dist" in it, then \`npm install\` there again:\n` +
            `      mv ${root} ${path.join(parent, "medusa-plugin")}`
    )
  } else {
    lines.push(`Reinstall the dependencies: \`rm -rf node_modules && npm install\`.`)
  }
  return lines.join("\n")
}

module.exports = { medusaPathProblem }
