#!/usr/bin/env node
// Builds `medusa-plugin-distribution/client` for browsers and servers: ES modules and
// CommonJS, each with its type declarations, in .medusa/client/{esm,cjs}. Runs after
// `medusa plugin:build` (which builds the server side into .medusa/server).
const fs = require("fs")
const path = require("path")
const { spawnSync } = require("child_process")

const root = path.resolve(__dirname, "..")
const out = path.join(root, ".medusa", "client")
const tsc = require.resolve("typescript/bin/tsc")

fs.rmSync(out, { recursive: true, force: true })
const builds = [
  { dir: "esm", type: "module", args: [] },
  { dir: "cjs", type: "commonjs", args: ["--module", "commonjs", "--moduleResolution", "node10"] },
]
for (const build of builds) {
  const outDir = path.join(out, build.dir)
  const result = spawnSync(process.execPath, [tsc, "-p", "tsconfig.client.json", "--outDir", outDir, ...build.args], {
    cwd: root,
    stdio: "inherit",
  })
  if (result.status !== 0) {
    console.error(`client build (${build.dir}) failed`)
    process.exit(result.status ?? 1)
  }
  // Each folder says what its .js files are, whatever the package around it says.
  fs.writeFileSync(path.join(outDir, "package.json"), JSON.stringify({ type: build.type }) + "\n")
}
console.log(`client built: ${path.relative(root, out)}/{esm,cjs}`)
