import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";
import { childEnv } from "@bakery/stack/processes/child-env";
import type { StackLog } from "@bakery/stack/log";
import { firstFreePort } from "@bakery/stack/free-port";
import { findNextServer, startAppProcess, waitHealthy } from "./app-process";
import type { CpuRole } from "../profile/cpu-sampler";
import { pidListeningOn } from "../profile/proc-stats";
import { appEnv, type RunNames } from "./run-names";
import { acquireRunStack, createRunTopics, dropRunData } from "./run-stack";
import { buildWeb } from "./web-build";

const PARTITIONS = 6;

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
    const stack = await acquireRunStack({ log: opts.log, step: opts.step });
    cleanups.push(stack.stop);

    opts.step("creating the run's topics (6 partitions each)");
    const topics = [
      ...Object.values(names.topics),
      ...Object.values(names.ceilingTopics),
      ...Object.values(names.bareTopics),
    ];
    await createRunTopics(stack.env, topics, PARTITIONS);
    if (stack.kind === "external")
      cleanups.push(() => dropRunData(stack.env, { topics, dbs: Object.values(names.dbs) }, opts.log));

    const staffPassword = randomBytes(12).toString("base64url");
    const env = childEnv(stack.env, { ...appEnv(names, { staffPassword }), NODE_ENV: "production" });
    opts.step("building the web app: npx turbo run build --filter=@bakery/web");
    const { rebuiltMeanwhile } = await buildWeb(env);
    const webPort = await firstFreePort(3301);
    const preload = fileURLToPath(new URL("./cpu-profile-preload.mjs", import.meta.url));
    const profileEnv = opts.profileDir
      ? { NODE_OPTIONS: `--import ${preload}`, BENCH_CPU_PROFILE_DIR: opts.profileDir }
      : {};
    const start = (name: string, workspace: string, extraArgs: string[] = []) => {
      const group = startAppProcess({
        name,
        workspace,
        env: { ...env, ...profileEnv },
        logFile: join(opts.logDir, `${name}.log`),
        extraArgs,
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
