import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { defineConfig } from "@playwright/test";
import { e2eEnv, ports, urls } from "./e2e/support/e2e-env";

/*
 * The browser suite runs the real bakery: two production web processes (A for customers,
 * B for staff, so live updates must cross processes through Kafka), one kitchen and one
 * bar worker, all on the test stack that `npm test` provides (KAFKA_BROKERS, MONGODB_URL),
 * with topics and databases of this run only.
 *
 * Playwright starts them in order, waits for each, and stops them (SIGTERM to each process
 * group) when the run ends. If Playwright itself is killed, `setpriv --pdeathsig` makes the
 * kernel send them SIGTERM, so nothing outlives the run.
 *
 * E2E_SKIP_BUILD=1 reuses the existing `.next` build.
 */

const repoRoot = fileURLToPath(new URL("../", import.meta.url));
const next = `node ${createRequire(import.meta.url).resolve("next/dist/bin/next")}`;
// `exec` hands the shell's place to the program, so its parent is Playwright itself.
const orphanGuard = existsSync("/usr/bin/setpriv") ? "exec /usr/bin/setpriv --pdeathsig TERM --" : "exec";
const env = e2eEnv();
const build = process.env.E2E_SKIP_BUILD === "1" ? "" : `${next} build && `;
const stop = { signal: "SIGTERM", timeout: 15_000 } as const;

const worker = (name: "kitchen" | "bar") => ({
  name,
  command: `${orphanGuard} node --import tsx ${name}-worker/src/main.ts`,
  cwd: repoRoot,
  env: { ...env, LOG_LEVEL: "info" },
  wait: { stderr: /"msg":"station open"/ },
  timeout: 60_000,
  gracefulShutdown: stop,
});

const web = (name: string, port: number, prefix = "", extraEnv: Record<string, string> = {}) => ({
  name,
  command: `${prefix}${orphanGuard} ${next} start -p ${port} -H 127.0.0.1`,
  url: `http://127.0.0.1:${port}/api/health`,
  env: { ...env, ...extraEnv },
  reuseExistingServer: false,
  timeout: 300_000,
  gracefulShutdown: stop,
});

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.e2e.spec.ts",
  outputDir: "test-results",
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  reporter: "list",
  timeout: 120_000,
  expect: { timeout: 20_000 },
  use: {
    baseURL: urls.webA,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        // We run as root in CI containers.
        "--no-sandbox",
      ],
    },
  },
  // B plays a process behind a TLS proxy (it believes X-Forwarded-*); A faces clients itself (it ignores them).
  webServer: [
    worker("kitchen"),
    worker("bar"),
    web("web-a", ports.webA, build),
    web("web-b", ports.webB, "", { TRUSTED_PROXY: "1" }),
  ],
});
