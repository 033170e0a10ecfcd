// A Chromium for the browser tests: Debian's `chromium` package (with `fonts-noto-cjk`, so
// Chinese pages render as text, not boxes), installed with apt-get when absent and we may.
// `CHROMIUM_PATH` picks another binary. Prints the path when run directly.
const fs = require("fs")
const { execFileSync } = require("child_process")

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"]

function findChromium() {
  if (process.env.CHROMIUM_PATH) return fs.existsSync(process.env.CHROMIUM_PATH) ? process.env.CHROMIUM_PATH : null
  return CANDIDATES.find((p) => fs.existsSync(p)) ?? null
}

function hasCjkFont() {
  try {
    return /CJK/i.test(execFileSync("fc-list", [":lang=zh"], { encoding: "utf8" }))
  } catch {
    return fs.existsSync("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
  }
}

/** The path of a Chromium binary; installs `chromium` and `fonts-noto-cjk` when missing. */
function ensureChromium({ log = console.log } = {}) {
  const missing = [...(findChromium() ? [] : ["chromium"]), ...(hasCjkFont() ? [] : ["fonts-noto-cjk"])]
  if (missing.length) {
    const root = typeof process.getuid === "function" && process.getuid() === 0
    const run = (args) => {
      const command = root ? args : ["sudo", "-n", ...args]
      execFileSync(command[0], command.slice(1), { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } })
    }
    log(`Installing ${missing.join(", ")} with apt-get (browser tests)…`)
    try {
      run(["apt-get", "install", "-y", "--no-install-recommends", ...missing])
    } catch {
      run(["apt-get", "update"])
      run(["apt-get", "install", "-y", "--no-install-recommends", ...missing])
    }
  }
  const path = findChromium()
  if (!path) throw new Error("No Chromium found and apt-get could not install one: set CHROMIUM_PATH to a Chromium or Chrome binary.")
  return path
}

/** The same, under the name the storefront's browser test uses. */
const chromiumPath = () => ensureChromium()

module.exports = { ensureChromium, findChromium, chromiumPath }

if (require.main === module) console.log(ensureChromium({ log: console.error }))
