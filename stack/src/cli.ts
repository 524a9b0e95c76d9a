/**
 * `npm run stack | start | test` (see the root package.json). One function per
 * subcommand; the pieces they share live in their own files.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { acquireStack } from "./acquire-stack";
import { allOrAbort } from "./processes/all-or-abort";
import { BAKERY_APPS, startApps, waitForHttp } from "./processes/app-processes";
import { childEnv } from "./processes/child-env";
import { ensureChromium } from "./runner/chromium-check";
import { createStackLog, seconds } from "./log";
import { firstFailureCode, INTERRUPTED, logPhaseSummary, wasInterrupted } from "./runner/phase-summary";
import { provisionFerretDb } from "./ferretdb/provision-ferretdb";
import { provisionKafka } from "./kafka/provision-kafka";
import { runPhase, type PhaseResult } from "./runner/run-phase";
import { shutdownRequested, unlessInterrupted } from "./processes/shutdown-signal";
import { parsePort, readPorts, TEST_DEFAULT_PORTS } from "./stack-config";
import { describeError } from "./stack-errors";
import { assertPortsFree } from "./wait-for-port";
import { workspaceHasScript } from "./runner/workspace-scripts";

const log = createStackLog();

/** Starts Kafka + FerretDB, prints their env lines on stdout, runs until Ctrl-C. */
async function stackCommand(): Promise<number> {
  const stack = await unlessInterrupted(acquireStack(log, {}));
  if (!stack) return INTERRUPTED;
  process.stdout.write(`KAFKA_BROKERS=${stack.env.KAFKA_BROKERS}\nMONGODB_URL=${stack.env.MONGODB_URL}\n`);
  log.info("stack running; press Ctrl-C to stop");
  const ended = await Promise.race([shutdownRequested().then(() => undefined), stack.died]);
  await stack.stop();
  if (!ended) return 0;
  log.error(`${ended.server} exited unexpectedly`, { code: ended.exit.code ?? ended.exit.signal });
  return 1;
}

/** The staff password of a local bakery unless one is given (the README says so). */
const DEV_STAFF_PASSWORD = "bakery-staff";

/** The whole bakery: stack (local unless given), web build, both workers and the web app. */
async function startCommand(): Promise<number> {
  const stack = await unlessInterrupted(acquireStack(log, {}));
  if (!stack) return INTERRUPTED;
  const webPort = parsePort("PORT", process.env.PORT, 3000);
  // A local bakery gets the development staff password unless one is given (the README says so).
  const env = childEnv(stack.env, {
    PORT: String(webPort),
    STAFF_PASSWORD: process.env.STAFF_PASSWORD ?? DEV_STAFF_PASSWORD,
    // `next start` is production, which needs a session secret: a fresh one per local run (sessions end with it).
    SESSION_SECRET: process.env.SESSION_SECRET ?? randomBytes(48).toString("base64"),
  });
  try {
    await assertPortsFree([{ port: webPort, what: "web app", envVar: "PORT" }]);
    const build = await runPhase(log, "build web", "npx", ["turbo", "run", "build", "--filter=@bakery/web"], env);
    if (build.code !== 0) return build.code;
    const apps = startApps(BAKERY_APPS, env);
    const ended = Promise.race([
      shutdownRequested().then(() => ({ why: "signal" as const })),
      apps.firstExit.then((app) => ({ why: "app" as const, ...app })),
      stack.died.then((server) => ({ why: "stack" as const, name: server.server })),
    ]);
    waitForHttp(`http://127.0.0.1:${webPort}/`, log, ended).then(
      () => log.info(`the bakery is open: http://localhost:${webPort}`),
      () => undefined,
    );
    const reason = await ended;
    if (reason.why !== "signal") log.error(`${reason.name} exited unexpectedly; stopping everything`);
    await apps.stop();
    return reason.why === "signal" ? 0 : 1;
  } finally {
    await stack.stop();
  }
}

/** Format check, lint and typecheck, then every workspace's tests and the web e2e against a throwaway stack. */
async function testCommand(): Promise<number> {
  const e2e = workspaceHasScript("web", "test:e2e");
  // Before anything else: a machine without the browser should hear it now, not after the other phases.
  if (e2e) {
    try {
      await ensureChromium(log);
    } catch (err) {
      log.error(describeError(err));
      return 1;
    }
  }
  const phases: PhaseResult[] = [await runPhase(log, "format+lint+typecheck", "npm", ["run", "check"], childEnv())];
  if (!wasInterrupted(phases)) {
    const dataDir = await mkdtemp(join(tmpdir(), "bakery-stack-test-"));
    try {
      await withTestStack(dataDir, phases, async (env) => {
        phases.push(await runPhase(log, "tests", "npx", ["turbo", "run", "test", "--concurrency=1"], env));
        if (e2e && !wasInterrupted(phases)) {
          phases.push(await runPhase(log, "e2e", "npm", ["run", "test:e2e", "-w", "@bakery/web"], env));
        }
      });
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }
  logPhaseSummary(log, phases);
  return firstFailureCode(phases);
}

/** Starting the stack is a phase too: its time and failure show in the summary. */
async function withTestStack(
  dataDir: string,
  phases: PhaseResult[],
  run: (env: NodeJS.ProcessEnv) => Promise<void>,
): Promise<void> {
  const started = Date.now();
  const ports = readPorts(process.env, TEST_DEFAULT_PORTS, "STACK_TEST_");
  const stack = await unlessInterrupted(acquireStack(log, { ...ports, dataDir, portEnvPrefix: "STACK_TEST_" })).catch(
    (err: unknown) => {
      log.error(describeError(err));
      return null;
    },
  );
  phases.push({ name: "stack start", code: stack ? 0 : stack === null ? 1 : INTERRUPTED, ms: Date.now() - started });
  if (!stack) return;
  try {
    await run(childEnv(stack.env));
  } finally {
    await stack.stop();
  }
}

/** Downloads Kafka and builds FerretDB ahead of time (e.g. as a CI step of its own). */
async function provisionCommand(): Promise<number> {
  const started = Date.now();
  const [kafka, ferret] = await allOrAbort(
    (signal) => provisionKafka({ log, signal }),
    (signal) => provisionFerretDb({ log, signal }),
  );
  log.info("provisioned", { kafka: kafka.version, ferretdb: ferret.version, took: seconds(started) });
  return 0;
}

const commands: Record<string, () => Promise<number>> = {
  stack: stackCommand,
  start: startCommand,
  test: testCommand,
  provision: provisionCommand,
};

async function main(name: string | undefined): Promise<void> {
  const command = name ? commands[name] : undefined;
  if (!command) {
    log.error(`usage: tsx stack/src/cli.ts <${Object.keys(commands).join("|")}>`);
    process.exit(2);
  }
  shutdownRequested(); // handle Ctrl-C ourselves from the very start, for an orderly stop
  try {
    process.exit(await command());
  } catch (err) {
    log.error(describeError(err));
    process.exit(1);
  }
}

await main(process.argv[2]);
