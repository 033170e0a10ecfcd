// The reference storefront (storefront/) for `npm run demo`: built with Vite when its build is
// missing or older than its sources, then served from the demo's own process: static files,
// every other path answered with index.html (the app routes in the browser), and
// `/config.js`, which tells the app where the Medusa server is and which publishable key to use.
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

function newestChange(entry) {
  const stat = fs.statSync(entry)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(stat.mtimeMs, ...fs.readdirSync(entry).map((name) => newestChange(path.join(entry, name))))
}

/** Whether storefront/dist is missing or older than a source of the app or of the typed client. */
function needsBuild() {
  const built = path.join(distDir, "index.html")
  if (!fs.existsSync(built)) return true
  return Math.max(...sources.filter((s) => fs.existsSync(s)).map(newestChange)) > fs.statSync(built).mtimeMs
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
    vite.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`vite build of storefront/ failed (exit ${code}): see ${path.relative(root, logFile)}`))
    )
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
