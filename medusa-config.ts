import { loadEnv, defineConfig } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

/**
 * The development, test and demo app. It loads the plugin straight from `src/`:
 * the module is registered here with the same options a merchant passes to the
 * plugin, and `src/{api,subscribers,jobs,workflows,links,admin}` are picked up
 * as this app's own source.
 *
 * `DISTRIBUTION_LOYALTY_PLUGIN=true` also runs Medusa's loyalty plugin (store credit), so
 * `store_credit` withdrawals can be paid. It is opt-in: every other test suite boots the
 * store most merchants run, without it (the plugin never depends on it).
 */
module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000,http://localhost:5173",
      authCors: process.env.AUTH_CORS || "http://localhost:8000,http://localhost:9000,http://localhost:5173",
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
  },
  admin: {
    disable: process.env.MEDUSA_ADMIN_DISABLE === "true",
  },
  plugins: process.env.DISTRIBUTION_LOYALTY_PLUGIN === "true" ? [{ resolve: "@medusajs/loyalty-plugin", options: {} }] : [],
  modules: [
    {
      resolve: "./src/modules/distribution",
      options: {
        storefront_url: process.env.STOREFRONT_URL || "http://localhost:8000",
      },
    },
  ],
})
