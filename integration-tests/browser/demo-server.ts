import { ChildProcess, spawn } from "child_process"
import fs from "fs"
import path from "path"

const root = path.resolve(__dirname, "../..")

export type Demo = { baseUrl: string; stop: () => Promise<void>; log: () => string }

/** A fresh database on the test's Postgres (DB_HOST, DB_PORT, DB_USERNAME, DB_PASSWORD, as test-utils reads them). */
export function databaseUrl(name: string) {
  const user = encodeURIComponent(process.env.DB_USERNAME ?? "postgres")
  const password = encodeURIComponent(process.env.DB_PASSWORD ?? "")
  return `postgres://${user}:${password}@${process.env.DB_HOST ?? "localhost"}:${process.env.DB_PORT ?? 5432}/${name}`
}

export async function dropDatabase(name: string) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Client } = require("pg")
  const client = new Client({ connectionString: databaseUrl("postgres") })
  await client.connect()
  try {
    await client.query(`drop database if exists "${name}" with (force)`)
  } finally {
    await client.end()
  }
}

/**
 * `npm run demo` on a database of its own: migrations, the admin user, the seeded month of
 * distribution data, then the server with the admin served from src/. Resolves once the
 * demo prints its banner (the server answers /health and /app).
 */
export function startDemo({ database, port, timeoutMs }: { database: string; port: number; timeoutMs: number }): Promise<Demo> {
  let output = ""
  const child: ChildProcess = spawn(process.execPath, [path.join(root, "scripts/demo.js")], {
    cwd: root,
    env: {
      ...process.env,
      NODE_OPTIONS: "", // jest's --experimental-vm-modules is not for the server
      DATABASE_URL: databaseUrl(database),
      PORT: String(port),
      STOREFRONT_URL: process.env.STOREFRONT_URL ?? "http://localhost:8100",
      ADMIN_CORS: `http://localhost:${port}`,
      AUTH_CORS: `http://localhost:${port}`,
    },
    stdio: ["ignore", "pipe", "pipe"],
  })
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve()
      child.once("exit", () => resolve())
      child.kill("SIGTERM")
    })
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop().then(() => reject(new Error(`The demo was not ready within ${timeoutMs / 1000} s:\n${output.slice(-4000)}`)))
    }, timeoutMs)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      if (/Medusa distribution demo: ready/.test(output)) {
        clearTimeout(timer)
        resolve({ baseUrl: `http://localhost:${port}`, stop, log: () => serverLog() })
      }
    }
    child.stdout!.on("data", onData)
    child.stderr!.on("data", onData)
    child.once("exit", (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`The demo exited (${signal ?? code}) before it was ready:\n${output.slice(-4000)}`))
    })
  })
}

function serverLog() {
  const file = path.join(root, ".demo/logs/server.log")
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8").slice(-4000) : ""
}
