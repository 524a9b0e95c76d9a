// One lint config for every workspace. `process.env` is read only in env.ts files,
// so configuration is parsed (and validated) once per process.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import prettier from "eslint-config-prettier";

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/.next/**",
      "**/dist/**",
      "**/test-results/**",
      "**/playwright-report/**",
      "**/next-env.d.ts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration in an env.ts file." },
      ],
    },
  },
  {
    files: [
      "**/env.ts",
      "**/instrumentation.ts",
      "**/test/**",
      "stack/**",
      "**/*.config.ts",
      "**/*.config.mjs",
      "**/e2e/**",
      "**/bench/**",
    ],
    rules: { "no-restricted-properties": "off" },
  },
  // Layout is Prettier's job (`npm run format`); lint only the code's meaning.
  prettier,
);
