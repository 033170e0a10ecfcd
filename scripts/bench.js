#!/usr/bin/env node
// `npm run bench`: the benchmarks in bench/, on the same database setup as `npm test`
// (embedded Postgres unless DB_HOST is set). Results: bench/results.json.
process.env.DISTRIBUTION_BENCH = "1"
process.argv.push("--selectProjects", "bench")
require("./test.js")
