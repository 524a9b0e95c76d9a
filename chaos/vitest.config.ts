import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // `npm test` runs the checker's unit tests and the short chaos run (test/); `npm run test:short` only the latter.
    include: process.env.CHAOS_SHORT === "1" ? ["test/**/*.spec.ts"] : ["src/**/*.spec.ts", "test/**/*.spec.ts"],
    // The short chaos run brings up a whole bakery on a stack of its own (see test/).
    testTimeout: 240_000,
    hookTimeout: 120_000,
    env: { KAFKAJS_NO_PARTITIONER_WARNING: "1" },
  },
});
