#!/usr/bin/env node
// `npm run bench`: the benchmarks in bench/, on the same database setup as `npm test`
// (embedded Postgres unless DB_HOST is set). Results: bench/results.json.
// `npm run bench -- rules` runs bench/rules.bench.ts only (any name of a bench/<name>.bench.ts).
const fs = require("fs")
const path = require("path")

process.env.DISTRIBUTION_BENCH = "1"
const benchDir = path.join(__dirname, "..", "bench")
// A bare name becomes a path pattern: the name alone would also match the checkout's own path.
process.argv = process.argv.map((arg, i) =>
  i >= 2 && /^[\w-]+$/.test(arg) && fs.existsSync(path.join(benchDir, `${arg}.bench.ts`)) ? `bench/${arg}\\.bench\\.ts$` : arg
)
process.argv.push("--selectProjects", "bench")
require("./test.js")
