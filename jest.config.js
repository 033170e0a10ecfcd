const { loadEnv } = require("@medusajs/framework/utils")
loadEnv("test", process.cwd())

const transform = {
  "^.+\\.[jt]sx?$": [
    "@swc/jest",
    { jsc: { parser: { syntax: "typescript", decorators: true }, transform: { decoratorMetadata: true } } },
  ],
}

const base = {
  transform,
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "json"],
  modulePathIgnorePatterns: ["<rootDir>/.medusa/", "<rootDir>/.demo/", "<rootDir>/.tmp/"],
  setupFiles: ["<rootDir>/integration-tests/setup.js"],
  // src/client imports "./x.js" (ES module style, for its ESM build); jest finds x.ts.
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
}

// Four suites: pure unit tests, module tests (the module on a real database), HTTP tests
// (a whole Medusa app with the plugin on a real database) and browser tests (the admin pages
// and the reference storefront in Chromium against the seeded demo).
module.exports = {
  projects: [
    { ...base, displayName: "unit", testMatch: ["<rootDir>/integration-tests/unit/**/*.spec.ts"] },
    { ...base, displayName: "modules", testMatch: ["<rootDir>/integration-tests/modules/**/*.spec.ts"] },
    { ...base, displayName: "http", testMatch: ["<rootDir>/integration-tests/http/**/*.spec.ts"] },
    // The admin and the reference storefront in Chromium against the seeded demo (integration-tests/browser/).
    { ...base, displayName: "browser", testMatch: ["<rootDir>/integration-tests/browser/**/*.spec.ts"] },
    // Benchmarks run only through `npm run bench`, never as part of `npm test`.
    ...(process.env.DISTRIBUTION_BENCH ? [{ ...base, displayName: "bench", testMatch: ["<rootDir>/bench/**/*.bench.ts"] }] : []),
  ],
}
