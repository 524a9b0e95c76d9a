import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.spec.ts", "test/**/*.spec.ts"],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    passWithNoTests: true,
  },
});
