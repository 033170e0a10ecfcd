import { fileURLToPath } from "node:url"
import { defineConfig } from "vite"

// No React plugin: esbuild compiles JSX with the automatic runtime, which is all this app needs.
// The typed client is taken from the plugin's source, as a store takes it from
// `medusa-plugin-distribution/client`.
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "/",
  esbuild: { jsx: "automatic" },
  resolve: {
    alias: { "medusa-plugin-distribution/client": fileURLToPath(new URL("../src/client/index.ts", import.meta.url)) },
  },
  build: { outDir: "dist", emptyOutDir: true, target: "es2020", chunkSizeWarningLimit: 600 },
  server: { port: 5174 },
})
