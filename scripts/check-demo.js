#!/usr/bin/env node
// `npm run test:demo`: proves the README's first command. Runs `npm run demo` as a person
// would, waits for the banner, then checks GET /health, a plugin store route with the
// printed publishable key, the admin at /app and the reference storefront (a page of it and
// its /config.js); then stops it with Ctrl-C's signal and
// checks that it stops. Prints PASS/FAIL and exits non-zero on failure.
const { spawn } = require("child_process")
const path = require("path")

const root = path.resolve(__dirname, "..")
const BASE = `http://localhost:${process.env.PORT || 9000}`
const STOREFRONT = (process.env.STOREFRONT_URL || "http://localhost:8000").replace(/\/+$/, "")
// A first start migrates, seeds and compiles the admin: minutes on a busy machine.
const READY_TIMEOUT_MS = 15 * 60_000
const STOP_TIMEOUT_MS = 60_000

let output = ""
const demo = spawn(process.platform === "win32" ? "npm.cmd" : "npm", ["run", "demo"], {
  cwd: root,
  detached: true, // its own group: the signal reaches npm, the demo and what they run, like Ctrl-C
  env: { ...process.env, CI: "true" },
  stdio: ["ignore", "pipe", "pipe"],
})
demo.stdout.on("data", (chunk) => (output += chunk))
demo.stderr.on("data", (chunk) => (output += chunk))
const exited = new Promise((resolve) => demo.on("exit", (code, signal) => resolve({ code, signal })))

function until(what, probe, timeout) {
  const deadline = Date.now() + timeout
  return (async function poll() {
    for (;;) {
      const value = await probe().catch(() => null)
      if (value) return value
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
      await new Promise((r) => setTimeout(r, 500))
    }
  })()
}

async function main() {
  const banner = await Promise.race([
    until("the demo banner", async () => /Ctrl-C stops the server/.test(output) && output, READY_TIMEOUT_MS),
    exited.then(({ code }) => Promise.reject(new Error(`npm run demo exited early (code ${code})`))),
  ])
  const key = banner.match(/publishable key\s+(pk_[0-9a-f]+)/)?.[1]
  const code = banner.match(/\?ref=([A-Z0-9]+)/)?.[1]
  if (!key || !code) throw new Error("the banner shows no publishable key or share code")

  const health = await fetch(`${BASE}/health`)
  if (health.status !== 200) throw new Error(`/health answered ${health.status}`)
  const lookup = await fetch(`${BASE}/store/distribution/codes/${code}`, { headers: { "x-publishable-api-key": key } })
  const body = await lookup.json()
  if (lookup.status !== 200 || body.valid !== true) throw new Error(`the share code lookup answered ${lookup.status} ${JSON.stringify(body)}`)
  const app = await fetch(`${BASE}/app`)
  const html = await app.text()
  if (app.status !== 200 || !/<html/i.test(html)) throw new Error(`/app answered ${app.status}`)
  // The printed share link opens the storefront: any path is the app, and /config.js points it at this server.
  const shop = await fetch(banner.match(/Share link\s+(\S+)/)[1])
  const shopHtml = await shop.text()
  if (shop.status !== 200 || !/<div id="root">/.test(shopHtml)) throw new Error(`the share link answered ${shop.status}`)
  const config = await (await fetch(`${STOREFRONT}/config.js`)).text()
  if (!config.includes(key) || !config.includes(BASE)) throw new Error(`the storefront's /config.js does not name ${BASE} and the key: ${config}`)
  console.log(`demo: /health 200, /store/distribution/codes/${code} valid, /app 200, storefront ${STOREFRONT} 200 with its config`)
}

main()
  .then(async () => {
    process.kill(-demo.pid, "SIGINT")
    const stop = await Promise.race([exited, new Promise((r) => setTimeout(() => r(null), STOP_TIMEOUT_MS))])
    if (!stop) throw new Error("the demo did not stop within a minute of Ctrl-C")
    console.log("PASS: npm run demo")
  })
  .catch(async (error) => {
    console.error(output.split("\n").slice(-40).join("\n"))
    console.error(`FAIL: npm run demo: ${error.message}`)
    process.exitCode = 1
    // Ctrl-C first: the demo stops its server and Postgres, which run in process groups of
    // their own and would outlive a SIGKILL to this group. SIGKILL only if it hangs.
    const signal = (name) => {
      try {
        process.kill(-demo.pid, name)
      } catch {
        // already gone
      }
    }
    signal("SIGINT")
    const stop = await Promise.race([exited, new Promise((r) => setTimeout(() => r(null), STOP_TIMEOUT_MS))])
    if (!stop) signal("SIGKILL")
    process.exit() // the banner's poll would otherwise go on until its deadline
  })
