#!/usr/bin/env node
// `npm test`: every jest project on a real Postgres, ending with one line a person or a
// CI log can read at a glance: `N passed, M failed`.
//
// With DB_HOST set, that server is used as is (DB_USERNAME, DB_PASSWORD, DB_PORT as
// @medusajs/test-utils reads them). Without it, a private Postgres is started in a temp
// folder so a fresh clone needs nothing but `npm install`.
//
// Extra arguments go to jest: `npm test -- --selectProjects unit`.
const fs = require("fs")
const os = require("os")
const path = require("path")
const { spawn } = require("child_process")
const { startEmbeddedPostgres } = require("./embedded-pg")
const { medusaPathProblem } = require("./medusa-path-check")
const { ensureChromium } = require("./chromium")

const root = path.resolve(__dirname, "..")
const work = fs.mkdtempSync(path.join(os.tmpdir(), "medusa-plugin-test-"))
// As root, Postgres runs as the `postgres` user, which must enter this folder (ours, 700).
fs.chmodSync(work, 0o711)
// The synchronous `exit` event is the one place that runs however the process ends.
process.on("exit", () => fs.rmSync(work, { recursive: true, force: true }))

const running = new Set()
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    // Jest must not outlive us. Once it exits, main() stops the embedded server (else
    // embedded-pg's own exit hook does), then the folder goes with the `exit` handler above.
    for (const jest of running) jest.kill(signal)
    process.exitCode = 128 + os.constants.signals[signal]
  })
}

function runJest(args, env) {
  return new Promise((resolve) => {
    const jest = spawn(process.execPath, [require.resolve("jest/bin/jest"), ...args], {
      cwd: root,
      env,
      stdio: "inherit",
    })
    running.add(jest)
    jest.on("error", (error) => {
      console.error(error)
      resolve(1)
    })
    jest.on("exit", (code, signal) => {
      running.delete(jest)
      resolve(code ?? (signal ? 1 : 0))
    })
  })
}

/** Counts from jest's JSON; a suite that failed outside any test counts as one failure. */
function summarise(resultsFile) {
  if (!fs.existsSync(resultsFile)) {
    console.error("jest wrote no results: interrupted, no test matched, or jest failed before running any (see above).")
    return { passed: 0, failed: 1 }
  }
  const results = JSON.parse(fs.readFileSync(resultsFile, "utf8"))
  const brokenSuites = results.testResults.filter(
    (suite) =>
      suite.status === "failed" &&
      !suite.assertionResults.some((test) => test.status === "failed")
  )
  for (const suite of brokenSuites) {
    console.error(`Suite failed to run: ${path.relative(root, suite.name)}`)
  }
  return {
    passed: results.numPassedTests,
    failed: results.numFailedTests + brokenSuites.length,
  }
}

/** Whether the jest arguments leave `project` selected (all projects run without --selectProjects). */
function runsProject(project) {
  const args = process.argv.slice(2)
  const at = args.indexOf("--selectProjects")
  if (at === -1) return true
  const chosen = []
  for (const arg of args.slice(at + 1)) {
    if (arg.startsWith("-")) break
    chosen.push(arg)
  }
  return chosen.includes(project)
}

async function main() {
  // Every HTTP suite boots Medusa from this checkout: if it cannot run here, say why at once.
  const pathProblem = medusaPathProblem(root)
  if (pathProblem) {
    console.error(pathProblem)
    console.log("0 passed, 1 failed")
    process.exit(1)
  }
  const env = { ...process.env }
  let pg
  if (!env.DB_HOST) {
    const started = Date.now()
    pg = await startEmbeddedPostgres({ dir: path.join(work, "pg") })
    // test-utils needs the word `localhost`: with 127.0.0.1 it forces SSL and hangs.
    Object.assign(env, {
      DB_HOST: "localhost",
      DB_PORT: String(pg.port),
      DB_USERNAME: pg.user,
      DB_PASSWORD: pg.password,
    })
    console.log(`Embedded Postgres on localhost:${pg.port} (${Date.now() - started} ms)`)
  } else {
    console.log(`Using Postgres at ${env.DB_HOST}:${env.DB_PORT ?? 5432}`)
  }
  // The browser project drives Debian's Chromium: install it (and a CJK font) before jest
  // starts, so apt-get's output is not mixed into a test's.
  if (runsProject("browser")) env.CHROMIUM_PATH = ensureChromium()
  env.NODE_OPTIONS = [env.NODE_OPTIONS, "--experimental-vm-modules", "--max-old-space-size=6144"].filter(Boolean).join(" ")

  // One suite at a time per jest process (suites share the database server), in one worker
  // that jest replaces when it holds more than 2 GB between suites: every HTTP suite boots a
  // whole Medusa app, and one process running all of them in band runs out of heap.
  const jestArgs = (resultsFile) => ["--maxWorkers=1", "--workerIdleMemoryLimit=2GB", "--forceExit", "--json", `--outputFile=${resultsFile}`]
  // The whole run (no arguments): the browser suites, which wait on a demo server and
  // Chromium more than they compute, run beside the others in a second jest process. Each
  // browser suite boots its own demo on its own database and port; one at a time, so the
  // admin's Vite build never runs twice at once.
  const runs = process.argv.length > 2
    ? [{ args: process.argv.slice(2), results: path.join(work, "jest-results.json") }]
    : [
        { args: ["--selectProjects", "unit", "modules", "http"], results: path.join(work, "jest-results-server.json") },
        { args: ["--selectProjects", "browser"], results: path.join(work, "jest-results-browser.json") },
      ]
  let codes
  try {
    codes = await Promise.all(runs.map((run) => runJest([...jestArgs(run.results), ...run.args], env)))
  } finally {
    await pg?.stop()
  }
  const jestCode = codes.find((code) => code !== 0) ?? 0

  const counts = runs.map((run) => summarise(run.results))
  const passed = counts.reduce((sum, c) => sum + c.passed, 0)
  const failed = counts.reduce((sum, c) => sum + c.failed, 0)
  if (passed + failed === 0) console.error("No tests ran.")
  console.log(`${passed} passed, ${failed} failed`)
  const ok = jestCode === 0 && failed === 0 && passed > 0 && !process.exitCode
  process.exit(ok ? 0 : process.exitCode || jestCode || 1)
}

main().catch((error) => {
  console.error(error)
  console.log("0 passed, 1 failed")
  process.exit(1)
})
