import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";
import { Kafka, logLevel } from "kafkajs";
import { MongoClient } from "mongodb";
import { ensureTopics } from "@bakery/shared/kafka";
import { childEnv } from "@bakery/stack/processes/child-env";
import { startLocalStack, type StackEnv } from "@bakery/stack/local-stack";
import type { StackLog } from "@bakery/stack/log";
import { REPO_ROOT } from "@bakery/stack/repo-root";
import { runChecked } from "@bakery/stack/processes/run-checked";
import { spawnGroup, type ProcessGroup } from "@bakery/stack/processes/spawn-group";
import { readExternalStack } from "@bakery/stack/stack-config";
import type { CpuRole } from "./cpu-sampler";
import { withFdLimit } from "./fd-limit";
import { firstFreePort, freePort } from "@bakery/stack/free-port";
import { listProcesses, pidListeningOn } from "./proc-stats";
import { appEnv, type RunNames } from "./run-names";

const PARTITIONS = 6;
const HEALTH_TIMEOUT_MS = 120_000;

export type Bakery = Awaited<ReturnType<typeof bringUp>>;

/**
 * Everything under test, started the way production starts it: the stack (a private
 * local one, unless KAFKA_BROKERS and MONGODB_URL name one), `next build` through turbo,
 * then `next start` and both workers through their `npm run start`, on the run's own
 * topics and databases. Their output goes to files in `logDir`.
 */
export async function bringUp(opts: {
  names: RunNames;
  logDir: string;
  log: StackLog;
  step: (line: string) => void;
  profileDir?: string;
}) {
  const { names } = opts;
  const cleanups: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const cleanup of cleanups.reverse())
      await cleanup().catch((err: unknown) => opts.log.warn("cleanup failed", { err: String(err) }));
  };
  try {
    const stack = await acquire(opts.log, opts.step);
    cleanups.push(stack.stop);

    opts.step("creating the run's topics (6 partitions each)");
    const kafka = new Kafka({
      clientId: "bench-admin",
      brokers: stack.env.KAFKA_BROKERS.split(","),
      logLevel: logLevel.WARN,
    });
    const admin = kafka.admin();
    await admin.connect();
    await ensureTopics(
      admin,
      [...Object.values(names.topics), ...Object.values(names.ceilingTopics), ...Object.values(names.bareTopics)],
      PARTITIONS,
    );
    await admin.disconnect();
    if (stack.kind === "external") cleanups.push(() => dropRunData(stack.env, names, opts.log));

    const staffPassword = randomBytes(12).toString("base64url");
    const env = childEnv(stack.env, { ...appEnv(names, { staffPassword }), NODE_ENV: "production" });
    opts.step("building the web app: npx turbo run build --filter=@bakery/web");
    await runChecked({
      what: "next build",
      name: "build",
      command: "npx",
      args: ["turbo", "run", "build", "--filter=@bakery/web", "--output-logs=errors-only"],
      cwd: REPO_ROOT,
      env,
      output: { kind: "lines", onLine: () => undefined },
    });

    const buildIdFile = join(REPO_ROOT, "web", ".next", "BUILD_ID");
    const buildId = await readFile(buildIdFile, "utf8").catch(() => "");
    /** web/.next is shared with whoever else builds in this checkout; a rebuild under a running next-server breaks it. */
    const rebuiltMeanwhile = async () => (await readFile(buildIdFile, "utf8").catch(() => "")) !== buildId;
    const webPort = await firstFreePort(3301);
    const preload = fileURLToPath(new URL("./cpu-profile-preload.mjs", import.meta.url));
    const profileEnv = opts.profileDir
      ? { NODE_OPTIONS: `--import ${preload}`, BENCH_CPU_PROFILE_DIR: opts.profileDir }
      : {};
    const start = (name: string, workspace: string, extraArgs: string[] = []) => {
      const [command, args] = withFdLimit("npm", [
        "run",
        "start",
        "-w",
        workspace,
        ...(extraArgs.length ? ["--", ...extraArgs] : []),
      ]);
      const group = spawnGroup({
        name,
        command,
        args,
        cwd: REPO_ROOT,
        env: { ...env, ...profileEnv },
        output: { kind: "file", path: join(opts.logDir, `${name}.log`) },
        dieWithParent: true,
      });
      cleanups.push(async () => void (await group.stop(20_000)));
      return group;
    };
    opts.step(`starting web (next start on 127.0.0.1:${webPort}), kitchen and bar workers`);
    const kitchen = start("kitchen", "@bakery/kitchen-worker");
    const bar = start("bar", "@bakery/bar-worker");
    const web = start("web", "@bakery/web", ["-p", String(webPort), "-H", "127.0.0.1"]);
    const baseUrl = `http://127.0.0.1:${webPort}`;
    await waitHealthy(baseUrl, [web, kitchen, bar]);
    const webServerPid = await findNextServer(web.pid);
    // /api/health answers before the workers have joined their consumer groups: give them a moment.
    await sleep(2_000);

    // The servers are found by the port they listen on, so an external stack's are found too (when local).
    const kafkaPid = pidListeningOn(Number(stack.env.KAFKA_BROKERS.split(",")[0]?.split(":")[1]));
    const ferretPid = pidListeningOn(stack.mongoPort);
    const roles: CpuRole[] = [
      { name: "web", match: (p) => p.pgrp === web.pid },
      { name: "kitchen", match: (p) => p.pgrp === kitchen.pid },
      { name: "bar", match: (p) => p.pgrp === bar.pid },
      { name: "kafka", match: (p) => p.pid === kafkaPid },
      { name: "ferretdb", match: (p) => p.pid === ferretPid },
    ];
    return {
      stackKind: stack.kind,
      env: stack.env,
      staffPassword,
      baseUrl,
      webPort,
      web,
      kitchen,
      bar,
      webServerPid,
      roles,
      rebuiltMeanwhile,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

type AcquiredStack = { kind: "local" | "external"; env: StackEnv; mongoPort: number; stop: () => Promise<void> };

async function acquire(log: StackLog, step: (line: string) => void): Promise<AcquiredStack> {
  const external = readExternalStack();
  if (external) {
    step(`using the stack named by KAFKA_BROKERS=${external.KAFKA_BROKERS} and MONGODB_URL=${external.MONGODB_URL}`);
    return {
      kind: "external",
      env: external,
      mongoPort: Number(new URL(external.MONGODB_URL).port || 27017),
      stop: async () => undefined,
    };
  }
  const dataDir = await mkdtemp(join(tmpdir(), "bakery-bench-"));
  const [kafkaPort, kafkaControllerPort, mongoPort] = [await freePort(), await freePort(), await freePort()];
  step(`starting a private stack: kafka 127.0.0.1:${kafkaPort}, ferretdb 127.0.0.1:${mongoPort}, data in ${dataDir}`);
  try {
    const stack = await startLocalStack({ kafkaPort, kafkaControllerPort, mongoPort, dataDir, log });
    return {
      kind: "local",
      env: stack.env,
      mongoPort,
      stop: async () => {
        await stack.stop();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await rm(dataDir, { recursive: true, force: true });
    throw err;
  }
}

async function waitHealthy(baseUrl: string, groups: readonly ProcessGroup[]): Promise<void> {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const dead = groups.find((group) => group.hasExited());
    if (dead) throw new Error(`${dead.name} exited during start-up; see its log`);
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  throw new Error(`${baseUrl}/api/health did not answer 200 within ${HEALTH_TIMEOUT_MS / 1000}s`);
}

/** The process that holds the web's sockets: `next-server` under npm and sh in the web's process group. */
async function findNextServer(pgid: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const found = listProcesses().find(
      (p) =>
        p.pgrp === pgid &&
        (p.comm.startsWith("next-server") || / next start/.test(p.cmdline)) &&
        p.comm !== "sh" &&
        !p.cmdline.startsWith("npm"),
    );
    if (found) return found.pid;
    await sleep(100);
  }
  throw new Error("could not find the next-server process");
}

/** On someone else's stack, leave nothing behind: the run's topics and databases go. */
async function dropRunData(env: StackEnv, names: RunNames, log: StackLog): Promise<void> {
  const admin = new Kafka({
    clientId: "bench-admin",
    brokers: env.KAFKA_BROKERS.split(","),
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  await admin
    .deleteTopics({
      topics: [
        ...Object.values(names.topics),
        ...Object.values(names.ceilingTopics),
        ...Object.values(names.bareTopics),
      ],
    })
    .catch((err: unknown) => log.warn("could not delete the run's topics", { err: String(err) }));
  await admin.disconnect();
  const client = await MongoClient.connect(env.MONGODB_URL, { serverSelectionTimeoutMS: 5_000 });
  for (const db of Object.values(names.dbs))
    await client
      .db(db)
      .dropDatabase()
      .catch(() => undefined);
  await client.close();
}
