import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.spec.ts", "test/**/*.spec.ts"],
    // Integration tests wait for consumer-group joins and broker round-trips.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    env: { KAFKAJS_NO_PARTITIONER_WARNING: "1" },
  },
});
