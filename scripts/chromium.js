// Debian's Chromium for the browser tests (playwright-core drives it; no browser download).
// `chromiumPath()` finds it, or installs it with apt-get (with fonts-noto-cjk, so 简体中文
// renders in screenshots) when it is absent and we may; CHROMIUM_PATH names another binary.
const fs = require("fs")
const { execFileSync } = require("child_process")

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"]

function found() {
  if (process.env.CHROMIUM_PATH) return fs.existsSync(process.env.CHROMIUM_PATH) ? process.env.CHROMIUM_PATH : null
  return CANDIDATES.find((file) => fs.existsSync(file)) ?? null
}

function hasCjkFonts() {
  return ["/usr/share/fonts/opentype/noto", "/usr/share/fonts/truetype/noto"].some(
    (dir) => fs.existsSync(dir) && fs.readdirSync(dir).some((name) => /CJK/i.test(name))
  )
}

/** The path of a Chromium binary; installs Debian's `chromium` and `fonts-noto-cjk` when missing (as root, with apt-get). */
function chromiumPath() {
  const existing = found()
  if (existing && hasCjkFonts()) return existing
  if (process.env.CHROMIUM_PATH && existing) return existing
  const canInstall = process.getuid?.() === 0 && fs.existsSync("/usr/bin/apt-get")
  if (!canInstall) {
    if (existing) return existing // without CJK fonts, Chinese shows as boxes in screenshots; the tests still run
    throw new Error("No Chromium found. Install it (Debian: `apt-get install -y chromium fonts-noto-cjk`) or set CHROMIUM_PATH.")
  }
  const apt = (...args) => execFileSync("apt-get", args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } })
  try {
    apt("install", "-y", "--no-install-recommends", "chromium", "fonts-noto-cjk")
  } catch {
    apt("update")
    apt("install", "-y", "--no-install-recommends", "chromium", "fonts-noto-cjk")
  }
  const installed = found()
  if (!installed) throw new Error("apt-get installed chromium, but no binary was found at " + CANDIDATES.join(", "))
  return installed
}

module.exports = { chromiumPath }

if (require.main === module) console.log(chromiumPath())
