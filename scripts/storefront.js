// The reference storefront (storefront/) for `npm run demo`: built with Vite when its build is
// missing or was made from other sources (a hash of them is kept beside the build), then
// served from the demo's own process: static files, every other path answered with
// index.html (the app routes in the browser), and
// `/config.js`, which tells the app where the Medusa server is and which publishable key to use.
const crypto = require("crypto")
const fs = require("fs")
const http = require("http")
const path = require("path")
const { spawn } = require("child_process")

const root = path.resolve(__dirname, "..")
const appDir = path.join(root, "storefront")
const distDir = path.join(appDir, "dist")
const sources = [path.join(appDir, "src"), path.join(appDir, "index.html"), path.join(appDir, "vite.config.mjs"), path.join(root, "src", "client")]

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".woff2": "font/woff2",
}

function files(entry) {
  if (!fs.existsSync(entry)) return []
  if (!fs.statSync(entry).isDirectory()) return [entry]
  return fs.readdirSync(entry).sort().flatMap((name) => files(path.join(entry, name)))
}

/** A hash of every source of the app and of the typed client: the build is stale when it differs. */
function sourceHash() {
  const hash = crypto.createHash("sha256")
  for (const file of sources.flatMap(files)) hash.update(path.relative(root, file)).update("\0").update(fs.readFileSync(file)).update("\0")
  return hash.digest("hex")
}

const stampFile = path.join(distDir, ".source-hash")

/** Whether storefront/dist is missing or was built from other sources (of the app or of the typed client). */
function needsBuild() {
  if (!fs.existsSync(path.join(distDir, "index.html")) || !fs.existsSync(stampFile)) return true
  return fs.readFileSync(stampFile, "utf8").trim() !== sourceHash()
}

/** `vite build` of storefront/; its output goes to `logFile`. */
function buildStorefront(logFile) {
  return new Promise((resolve, reject) => {
    const log = fs.openSync(logFile, "w")
    const vite = spawn(process.execPath, [path.join(path.dirname(require.resolve("vite/package.json")), "bin", "vite.js"), "build", "--config", path.join(appDir, "vite.config.mjs")], {
      cwd: root,
      stdio: ["ignore", log, log],
    })
    fs.closeSync(log)
    vite.on("error", reject)
    const hash = sourceHash() // of the sources this build reads
    vite.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`vite build of storefront/ failed (exit ${code}): see ${path.relative(root, logFile)}`))
      fs.writeFileSync(stampFile, `${hash}\n`)
      resolve()
    })
  })
}

/** Serves storefront/dist on `port`; resolves with the http.Server once it listens. */
function serveStorefront({ port, backendUrl, publishableKey }) {
  const config = `window.__MEDUSA_STOREFRONT__ = ${JSON.stringify({ backendUrl, publishableKey })};\n`
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost")
    if (url.pathname === "/config.js") {
      res.writeHead(200, { "content-type": TYPES[".js"], "cache-control": "no-store" })
      return res.end(config)
    }
    const file = path.normalize(path.join(distDir, decodeURIComponent(url.pathname)))
    if (file.startsWith(distDir + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile()) {
      const immutable = url.pathname.startsWith("/assets/") // Vite puts a content hash in these names
      res.writeHead(200, {
        "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
        "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
      })
      return fs.createReadStream(file).pipe(res)
    }
    if (path.extname(url.pathname) && url.pathname !== "/") {
      res.writeHead(404, { "content-type": "text/plain" })
      return res.end("Not found")
    }
    // Any other path is one of the app's pages (/products/…, /cart, /distribution/…).
    res.writeHead(200, { "content-type": TYPES[".html"], "cache-control": "no-cache" })
    res.end(fs.readFileSync(path.join(distDir, "index.html"))) // read each time: a rebuild takes effect at once
  })
  return new Promise((resolve, reject) => {
    server.once("error", reject)
    server.listen(port, () => resolve(server))
  })
}

module.exports = { buildStorefront, needsBuild, serveStorefront, storefrontDist: distDir }
