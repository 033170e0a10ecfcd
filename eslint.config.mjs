import tseslint from "typescript-eslint"

export default tseslint.config(
  { ignores: ["node_modules/**", ".medusa/**", ".demo/**", ".tmp/**", "**/migrations/**"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      // Query results from `query.graph` are loosely typed; `any` stays inside steps, never on a public surface.
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["scripts/**/*.js", "jest.config.js", "integration-tests/setup.js"],
    languageOptions: { sourceType: "commonjs", globals: { require: "readonly", module: "writable", process: "readonly", __dirname: "readonly", console: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  }
)
