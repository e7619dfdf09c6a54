import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";

export default defineConfig([
  globalIgnores([
    ".next/**",
    "node_modules/**",
    "data/**",
    "next-env.d.ts",
    "playwright-report/**",
    "test-results/**",
    "e2e/.artifacts/**",
  ]),
  ...nextVitals,
  ...nextTypescript,
  {
    // Type-aware rules: floating promises and unsafe `any` are the bugs that reach production.
    files: ["**/*.{ts,tsx,mts}"],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      // Dropping a field with `const { field: _field, ...rest }` is intended.
      "@typescript-eslint/no-unused-vars": ["error", { ignoreRestSiblings: true, argsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    // next.config.js is CommonJS because Next.js loads it before any TypeScript tooling.
    files: ["next.config.js"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Configuration is read in one place only (server/env), so it is validated once. The
    // benchmark is not the console: it hands environments to the processes it starts.
    files: ["{app,components,lib,server}/**/*.{ts,tsx}"],
    ignores: ["server/env/**", "server/bench/**", "server/bin/bench.ts", "**/*.test.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through server/env." },
      ],
    },
  },
]);
