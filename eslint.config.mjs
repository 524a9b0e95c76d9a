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
  // Browser code and the browser-safe half of @bakery/shared must not pull in a Node module by
  // accident: the domain (schemas, projection, board, menu) is shared with the browser, the
  // infrastructure (Kafka, Mongo, logger, env, metrics, station) is not.
  {
    files: [
      "web/src/client/**",
      "web/src/components/**",
      "shared/src/{api,events,menu,order,order-projection,staff-board,station-schedule,stations,topics,sse-parser}.ts",
    ],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["node:*"], message: "Browser-safe code: no Node built-ins." },
            { group: ["kafkajs", "mongodb", "prom-client"], message: "Browser-safe code: no server libraries." },
            {
              group: [
                ...["env", "kafka", "logger", "mongo", "micro-batcher", "open-with-retry", "closers"].map(
                  (m) => `@bakery/shared/${m}`,
                ),
                "@bakery/shared/metrics/*",
                "@bakery/shared/station/*",
                ...["env", "kafka", "logger", "mongo", "micro-batcher", "retry", "open-with-retry", "closers"].map(
                  (m) => `./${m}`,
                ),
                "./metrics/*",
                "./station/*",
                "@/server/*",
              ],
              message: "Node-only infrastructure: import it from server code (web/src/server, workers) only.",
            },
          ],
        },
      ],
    },
  },
  // Layout is Prettier's job (`npm run format`); lint only the code's meaning.
  prettier,
);
