#!/usr/bin/env node
// `npm run test:install`: proves the package a merchant downloads works, not just the
// source tree. Builds and packs the plugin, installs the tarball into a fresh Medusa app
// in a temp folder (outside this repo, so nothing resolves from our node_modules),
// migrates a fresh database, starts the server and checks that the plugin's tables and
// routes are there.
//
//   node scripts/test-install.js                 build + pack this repo, then check
//   node scripts/test-install.js --medusa 2.16.0 ... in an app on that Medusa version
//   node scripts/test-install.js --medusa lowest ... on the lowest in peerDependencies
//   node scripts/test-install.js --tarball x.tgz check an already packed tarball
//   node scripts/test-install.js --keep          leave the temp folder for a post-mortem
//
// The app's npm install also checks the plugin's peerDependencies: a Medusa version outside
// their range fails it (ERESOLVE).
const fs = require("fs")
const os = require("os")
const path = require("path")
const { spawn } = require("child_process")
const { startEmbeddedPostgres, freePort } = require("./embedded-pg")

const root = path.resolve(__dirname, "..")
const pkg = require(path.join(root, "package.json"))
const keep = process.argv.includes("--keep")
const argument = (name) => {
  const at = process.argv.indexOf(name)
  return at > 0 ? process.argv[at + 1] : undefined
}
// Default: the version this repo develops against (devDependencies). `lowest`: the lowest
// that the plugin's peerDependencies accept.
const medusaVersion = (() => {
  const wanted = argument("--medusa") ?? pkg.devDependencies["@medusajs/medusa"]
  if (wanted !== "lowest") return wanted
  const lowest = /^(?:\^|>=\s*)(\d+\.\d+\.\d+)\b/.exec(pkg.peerDependencies["@medusajs/medusa"])?.[1]
  if (!lowest) throw new Error(`Cannot read the lowest version from peerDependencies: ${pkg.peerDependencies["@medusajs/medusa"]}`)
  return lowest
})()
// No "dist" in this name: Medusa 2.21.2 finds core modules' models by splitting their
// file path at the first "dist" (utils/dist/modules-sdk/joiner-config-builder.js), so an
// app under /tmp/distribution-… loses api_key, customer, … and fails to start.
const work = fs.mkdtempSync(path.join(os.tmpdir(), "medusa-install-check-"))
// As root, Postgres runs as the `postgres` user, which must enter this folder (ours, 700).
fs.chmodSync(work, 0o711)
const appDir = path.join(work, "app")

const HEALTH_TIMEOUT_MS = 180_000
const ADMIN = { email: "admin@install-check.test", password: "install-check" }
const STOP_TIMEOUT_MS = 20_000

let current // the command being waited for, to stop it on a signal
let server // `medusa start`, in its own process group
let pg

process.on("exit", () => {
  killGroup(server, "SIGKILL")
  if (!keep) fs.rmSync(work, { recursive: true, force: true })
})
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    console.error(`\nFAIL: interrupted by ${signal}`)
    current?.kill(signal)
    cleanup().finally(() => process.exit(128 + os.constants.signals[signal]))
  })
}

function killGroup(child, signal) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return
  try {
    process.kill(-child.pid, signal)
  } catch {
    // already gone
  }
}

async function cleanup() {
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((resolve) => server.once("exit", resolve))
    killGroup(server, "SIGTERM")
    const timer = setTimeout(() => killGroup(server, "SIGKILL"), STOP_TIMEOUT_MS)
    await exited
    clearTimeout(timer)
  }
  await pg?.stop()
}

/** Runs a command to completion; its output is shown live, or kept in `logFile`. */
function run(command, args, { cwd = root, env = process.env, logFile } = {}) {
  return new Promise((resolve, reject) => {
    const out = logFile ? fs.openSync(logFile, "a") : "inherit"
    current = spawn(command, args, { cwd, env, stdio: ["ignore", out, out] })
    current.on("error", reject)
    current.on("exit", (code, signal) => {
      if (logFile) fs.closeSync(out)
      if (code === 0) return resolve()
      const log = logFile ? `\n${tail(logFile)}` : ""
      reject(new Error(`\`${command} ${args.join(" ")}\` failed (${signal ?? `exit ${code}`})${log}`))
    })
  })
}

function tail(file, lines = 60) {
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n") : ""
}

async function step(title, fn) {
  const started = Date.now()
  console.log(`\n==> ${title}`)
  const result = await fn()
  console.log(`    ${title}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return result
}

async function packPlugin() {
  await step("npm run build", () => run("npm", ["run", "build"]))
  return step("npm pack", async () => {
    await run("npm", ["pack", "--pack-destination", work])
    const tarball = fs.readdirSync(work).find((f) => f.endsWith(".tgz"))
    if (!tarball) throw new Error(`npm pack left no tarball in ${work}`)
    return path.join(work, tarball)
  })
}

/**
 * What a merchant's app on Medusa `version` depends on: its Medusa packages all at that
 * version, and @medusajs/ui at the version that Medusa's dashboard pins (a second copy of
 * the UI library breaks the admin's React context).
 */
async function medusaPins(version) {
  const medusa = ["medusa", "framework", "cli", "admin-sdk", "draft-order", "icons"]
  const pins = Object.fromEntries(medusa.map((name) => [`@medusajs/${name}`, version]))
  if (version === pkg.devDependencies["@medusajs/medusa"]) {
    pins["@medusajs/ui"] = pkg.devDependencies["@medusajs/ui"]
  } else {
    const ui = await npmView(`@medusajs/dashboard@${version}`, "dependencies.@medusajs/ui")
    if (!ui) throw new Error(`No @medusajs/dashboard@${version} on the registry: is ${version} a Medusa version?`)
    pins["@medusajs/ui"] = ui
  }
  return pins
}

function npmView(spec, field) {
  return new Promise((resolve, reject) => {
    let out = ""
    const child = spawn("npm", ["view", spec, field], { stdio: ["ignore", "pipe", "inherit"] })
    child.stdout.on("data", (chunk) => (out += chunk))
    child.on("error", reject)
    child.on("exit", () => resolve(out.trim()))
  })
}

/** The smallest app a merchant would have: Medusa, its CLI, and this plugin. */
function writeApp(tarball, medusa) {
  // The rest as the plugin is developed against.
  const deps = (names) =>
    Object.fromEntries(
      names.map((name) => {
        if (!pkg.devDependencies[name]) throw new Error(`package.json pins no version of ${name}`)
        return [name, pkg.devDependencies[name]]
      })
    )
  fs.mkdirSync(appDir, { recursive: true })
  const appPkg = {
    name: "install-check-app",
    private: true,
    version: "0.0.0",
    dependencies: {
      ...medusa,
      ...deps(["react", "react-dom"]),
      [pkg.name]: `file:${tarball}`,
    },
    // The medusa CLI loads medusa-config.ts through ts-node (with swc, as tsconfig says).
    devDependencies: deps(["typescript", "ts-node", "@swc/core", "@types/node"]),
  }
  fs.writeFileSync(path.join(appDir, "package.json"), JSON.stringify(appPkg, null, 2))
  fs.writeFileSync(
    path.join(appDir, "tsconfig.json"),
    JSON.stringify(
      {
        compilerOptions: {
          target: "ES2021",
          module: "Node16",
          moduleResolution: "Node16",
          esModuleInterop: true,
          experimentalDecorators: true,
          emitDecoratorMetadata: true,
          skipLibCheck: true,
          outDir: "./.medusa/server",
        },
        "ts-node": { swc: true },
        include: ["**/*"],
        exclude: ["node_modules", ".medusa"],
      },
      null,
      2
    )
  )
  fs.writeFileSync(
    path.join(appDir, "medusa-config.ts"),
    `import { defineConfig } from "@medusajs/framework/utils"

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: "http://localhost:8000",
      adminCors: "http://localhost:9000",
      authCors: "http://localhost:8000,http://localhost:9000",
      jwtSecret: "install-check",
      cookieSecret: "install-check",
    },
  },
  admin: { disable: true },
  plugins: [{ resolve: ${JSON.stringify(pkg.name)}, options: { max_levels: 2 } }],
})
`
  )
}

async function waitForHealth(base) {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(`medusa start exited (${server.signalCode ?? server.exitCode}) before it was healthy`)
    }
    const status = await fetch(`${base}/health`, { signal: AbortSignal.timeout(2000) }).then(
      (res) => res.status,
      () => 0
    )
    if (status === 200) return
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`GET /health did not answer 200 within ${HEALTH_TIMEOUT_MS / 1000} s`)
}

async function main() {
  if (appDir.includes("dist")) {
    throw new Error(`Medusa cannot run an app whose path contains "dist": ${appDir} (set TMPDIR)`)
  }
  const tarballArg = process.argv.indexOf("--tarball")
  const tarball =
    tarballArg > 0 ? path.resolve(process.argv[tarballArg + 1]) : await packPlugin()
  if (!fs.existsSync(tarball)) throw new Error(`No tarball at ${tarball}`)

  const medusaDeps = await medusaPins(medusaVersion)
  console.log(`\nMedusa ${medusaVersion} (@medusajs/ui ${medusaDeps["@medusajs/ui"]}); plugin peers: ${JSON.stringify(pkg.peerDependencies)}`)
  await step(`npm install in a fresh app (${appDir})`, () => {
    writeApp(tarball, medusaDeps)
    // --prefer-offline: most packages are in npm's cache from this repo's own install.
    return run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline"], {
      cwd: appDir,
      logFile: path.join(work, "npm-install.log"),
    })
  })

  await step("the typed client loads on its own (CommonJS and ES module), without server code", async () => {
    const check = `
      const names = ["createDistributionClient", "createShareFlow", "browserCookies", "nextCookies", "readRef"]
      const missing = names.filter((n) => typeof client[n] !== "function")
      if (missing.length) throw new Error("medusa-plugin-distribution/client lacks " + missing.join(", "))
    `
    const cjs = `const client = require("${pkg.name}/client"); ${check}
      const server = Object.keys(require.cache).filter((f) => f.includes("@medusajs/framework"))
      if (server.length) throw new Error("the client loaded server code: " + server[0])`
    const esm = `import * as client from "${pkg.name}/client"; ${check}`
    await run(process.execPath, ["-e", cjs], { cwd: appDir })
    await run(process.execPath, ["--input-type=module", "-e", esm], { cwd: appDir })
  })

  const databaseUrl = await step("start Postgres, create the database", async () => {
    pg = await startEmbeddedPostgres({ dir: path.join(work, "pg") })
    await pg.createDatabase("medusa_install_check")
    return pg.url("medusa_install_check")
  })
  const env = { ...process.env, DATABASE_URL: databaseUrl }
  const medusa = path.join(appDir, "node_modules", ".bin", "medusa")

  await step("medusa db:migrate", () =>
    run(medusa, ["db:migrate"], { cwd: appDir, env, logFile: path.join(work, "migrate.log") })
  )

  await step("medusa user (an admin to call the routes with)", () =>
    run(medusa, ["user", "-e", ADMIN.email, "-p", ADMIN.password], {
      cwd: appDir,
      env,
      logFile: path.join(work, "user.log"),
    })
  )

  const tables = await step("the plugin's tables exist", async () => {
    const rows = await pg.query(
      `select table_name from information_schema.tables
       where table_schema = 'public' and table_name like 'distribution%' order by table_name`,
      [],
      "medusa_install_check"
    )
    if (rows.length === 0) throw new Error("db:migrate created no distribution_* table")
    return rows.map((row) => row.table_name)
  })
  console.log(`    ${tables.join(", ")}`)

  const port = await freePort()
  const base = `http://localhost:${port}`
  const serverLog = path.join(work, "medusa-start.log")
  await step(`medusa start on port ${port}, wait for /health`, async () => {
    const out = fs.openSync(serverLog, "a")
    // Own process group, so stopping it also stops anything it spawned.
    server = spawn(medusa, ["start", "--port", String(port)], {
      cwd: appDir,
      env,
      detached: true,
      stdio: ["ignore", out, out],
    })
    fs.closeSync(out)
    try {
      await waitForHealth(base)
    } catch (error) {
      error.message += `\n${tail(serverLog)}`
      throw error
    }
  })

  await step("the plugin's routes are mounted", async () => {
    const get = async (route, token) => {
      const headers = token ? { authorization: `Bearer ${token}` } : {}
      const res = await fetch(`${base}${route}`, { headers, signal: AbortSignal.timeout(10_000) })
      return res.status
    }
    const login = await fetch(`${base}/auth/user/emailpass`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(ADMIN),
      signal: AbortSignal.timeout(10_000),
    })
    const { token } = await login.json().catch(() => ({}))
    if (!token) throw new Error(`admin login answered ${login.status} without a token`)

    // Medusa answers 401 to every anonymous /admin/* request, known or not, so only the
    // admin's 200 next to the admin's 404 shows the plugin's route is really mounted.
    // The list routes run the module's queries and the links on this Medusa version.
    const checks = [
      ["anonymous", "/admin/distribution/settings", undefined, 401],
      ["admin", "/admin/distribution/settings", token, 200],
      ["admin", "/admin/distribution/distributors", token, 200],
      ["admin", "/admin/distribution/commissions", token, 200],
      ["admin", "/admin/distribution/withdrawals", token, 200],
      ["admin", "/admin/distribution-nope", token, 404],
    ]
    const problems = []
    for (const [who, route, auth, expected] of checks) {
      const status = await get(route, auth)
      console.log(`    ${who} GET ${route} -> ${status} (expected ${expected})`)
      if (status !== expected) problems.push(`${who} GET ${route} answered ${status}, expected ${expected}`)
    }
    // A write: validation, a workflow and the module's transaction on this Medusa version.
    const change = await fetch(`${base}/admin/distribution/settings`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ max_levels: 3 }),
      signal: AbortSignal.timeout(10_000),
    })
    const changed = await change.json().catch(() => ({}))
    console.log(`    admin POST /admin/distribution/settings { max_levels: 3 } -> ${change.status}, max_levels ${changed.settings?.max_levels}`)
    if (change.status !== 200 || changed.settings?.max_levels !== 3) {
      problems.push(`POST /admin/distribution/settings answered ${change.status} ${JSON.stringify(changed)}`)
    }
    if (problems.length) throw new Error(`${problems.join("\n")}\n${tail(serverLog)}`)
  })
}

const started = Date.now()
main()
  .then(
    () => 0,
    (error) => {
      console.error(`\n${error.message ?? error}`)
      return 1
    }
  )
  .then(async (code) => {
    await cleanup()
    if (keep) console.log(`Kept ${work}`)
    else fs.rmSync(work, { recursive: true, force: true })
    const seconds = ((Date.now() - started) / 1000).toFixed(0)
    console.log(
      code === 0
        ? `PASS: ${pkg.name} installs, migrates and serves its routes in a fresh Medusa ${medusaVersion} app (${seconds} s)`
        : `FAIL: ${pkg.name} install check on Medusa ${medusaVersion} (${seconds} s)`
    )
    process.exit(code)
  })
