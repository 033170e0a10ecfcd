/**
 * `npm run demo` for the browser tests, started the way a person starts it: on a database of
 * its own (a fresh one on the test's Postgres, dropped afterwards), and stopped with Ctrl-C's
 * signal. The banner is parsed for the links and logins it prints.
 */
import { spawn, type ChildProcess } from "child_process"
import net from "net"
import path from "path"

const root = path.resolve(__dirname, "../..")
const READY_TIMEOUT_MS = 15 * 60_000

export type Demo = {
  backendUrl: string
  storefrontUrl: string
  publishableKey: string
  shareLink: string
  shareCode: string
  sharer: { email: string; password: string }
  admin: { email: string; password: string }
  output: () => string
  stop: () => Promise<void>
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once("error", reject)
    probe.listen(0, () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

function databaseUrl(name: string): string | null {
  const { DB_HOST, DB_PORT, DB_USERNAME, DB_PASSWORD } = process.env
  if (!DB_HOST) return null
  const auth = DB_PASSWORD ? `${encodeURIComponent(DB_USERNAME ?? "postgres")}:${encodeURIComponent(DB_PASSWORD)}` : encodeURIComponent(DB_USERNAME ?? "postgres")
  return `postgres://${auth}@${DB_HOST}:${DB_PORT ?? 5432}/${name}`
}

async function dropDatabase(url: string) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Client } = require("pg")
  const target = new URL(url)
  const name = decodeURIComponent(target.pathname.slice(1))
  target.pathname = "/postgres"
  const client = new Client({ connectionString: target.toString() })
  await client.connect()
  try {
    await client.query(`drop database if exists "${name}" with (force)`)
  } finally {
    await client.end()
  }
}

/** Starts the demo (PORT and STOREFRONT_URL when set, else free ports) and resolves once its banner is printed. */
export async function startDemo(): Promise<Demo> {
  const port = Number(process.env.PORT) || (await freePort())
  const storefrontUrl = (process.env.STOREFRONT_URL || `http://localhost:${await freePort()}`).replace(/\/+$/, "")
  const dbUrl = databaseUrl(`distribution_browser_${Date.now()}`)
  let output = ""
  const child: ChildProcess = spawn(process.execPath, [path.join(root, "scripts/demo.js")], {
    cwd: root,
    detached: true, // a group of its own: the signal reaches the demo and what it runs, like Ctrl-C
    env: { ...process.env, PORT: String(port), STOREFRONT_URL: storefrontUrl, CI: "true", ...(dbUrl ? { DATABASE_URL: dbUrl } : {}) },
    stdio: ["ignore", "pipe", "pipe"],
  })
  child.stdout!.on("data", (chunk) => (output += chunk))
  child.stderr!.on("data", (chunk) => (output += chunk))
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()))

  const stop = async () => {
    try {
      process.kill(-child.pid!, "SIGINT")
    } catch {
      // already gone
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL")
      } catch {
        // gone meanwhile
      }
    }, 60_000)
    await exited
    clearTimeout(timer)
    if (dbUrl) await dropDatabase(dbUrl).catch((error) => console.warn(`could not drop the test database: ${error.message}`))
  }

  const banner = await new Promise<string>((resolve, reject) => {
    const deadline = setTimeout(() => reject(new Error(`the demo printed no banner within ${READY_TIMEOUT_MS / 1000} s:\n${output.slice(-3000)}`)), READY_TIMEOUT_MS)
    const check = setInterval(() => {
      if (/Ctrl-C stops the server/.test(output)) {
        clearInterval(check)
        clearTimeout(deadline)
        resolve(output)
      }
    }, 250)
    void exited.then(() => {
      clearInterval(check)
      clearTimeout(deadline)
      reject(new Error(`the demo exited before it was ready:\n${output.slice(-3000)}`))
    })
  }).catch(async (error) => {
    await stop()
    throw error
  })

  const match = (re: RegExp) => {
    const m = banner.match(re)
    if (!m) throw new Error(`the banner has no ${re}:\n${banner}`)
    return m
  }
  const shareLink = match(/Share link\s+(\S+)/)[1]
  const [, sharerEmail, sharerPassword] = match(/as them\s+(\S+) \/ (\S+)/)
  const [, adminEmail, adminPassword] = match(/login\s+(\S+) \/ (\S+)/)
  return {
    backendUrl: `http://localhost:${port}`,
    storefrontUrl,
    publishableKey: match(/publishable key\s+(pk_[0-9a-f]+)/)[1],
    shareLink,
    shareCode: new URL(shareLink).searchParams.get("ref")!,
    sharer: { email: sharerEmail, password: sharerPassword },
    admin: { email: adminEmail, password: adminPassword },
    output: () => output,
    stop,
  }
}
