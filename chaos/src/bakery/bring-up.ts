import { randomBytes } from "node:crypto";
import { buildWeb } from "@bakery/bench/system/web-build";
import { appEnv, runNames, type RunNames } from "@bakery/bench/system/run-names";
import { acquireRunStack, createRunTopics, dropRunData, type RunStack } from "@bakery/bench/system/run-stack";
import { childEnv } from "@bakery/stack/processes/child-env";
import { firstFreePort } from "@bakery/stack/free-port";
import type { StackLog } from "@bakery/stack/log";
import { createFleet, type Fleet } from "./fleet";
import { serverControls, type ServerControl } from "./servers";

export type ChaosSettings = {
  /** Items take tens of milliseconds (prepSeconds 1-8 times this). */
  prepTimeScale: number;
  sessionTimeoutMs: number;
  decisionTimeoutS: number;
};
export const CHAOS_SETTINGS: ChaosSettings = { prepTimeScale: 0.01, sessionTimeoutMs: 10_000, decisionTimeoutS: 5 };

const PARTITIONS = 6;

export type ChaosBakery = {
  stack: RunStack;
  /** Only on a stack of the run's own (faults 4 and 5). */
  servers?: { kafka: ServerControl; ferretdb: ServerControl };
  names: RunNames;
  fleet: Fleet;
  webUrls: string[];
  staffPassword: string;
  stop(): Promise<void>;
};

/**
 * The bakery under test, started as production starts it: `next build` once, then two `next
 * start` web processes, two kitchen and two bar workers (each its own process group), on the
 * run's own topics and databases, with small preparation times and a short session timeout.
 */
export async function bringUpChaosBakery(opts: {
  runId: string;
  logDir: string;
  log: StackLog;
  step: (line: string) => void;
  /** False: a private stack even when KAFKA_BROKERS and MONGODB_URL are set (npm test's chaos run). */
  allowExternal: boolean;
  settings: ChaosSettings;
}): Promise<ChaosBakery> {
  const cleanups: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const cleanup of cleanups.reverse())
      await cleanup().catch((err: unknown) => opts.log.warn("cleanup failed", { err: String(err) }));
  };
  try {
    const stack = await acquireRunStack({
      log: opts.log,
      step: opts.step,
      tmpPrefix: "bakery-chaos-",
      allowExternal: opts.allowExternal,
    });
    cleanups.push(stack.stop);
    const servers = stack.local ? serverControls(stack.local, opts.log) : undefined;
    if (servers) cleanups.push(async () => void (await Promise.all([servers.kafka.close(), servers.ferretdb.close()])));

    const names = runNames(opts.runId);
    const { stationControl, ...keyedByOrder } = names.topics;
    await createRunTopics(stack.env, Object.values(keyedByOrder), PARTITIONS);
    // One partition: every worker of a station folds the same history of staff commands.
    await createRunTopics(stack.env, [stationControl], 1);
    if (stack.kind === "external")
      cleanups.push(() =>
        dropRunData(stack.env, { topics: Object.values(names.topics), dbs: Object.values(names.dbs) }, opts.log),
      );

    const staffPassword = randomBytes(12).toString("base64url");
    const env = childEnv(stack.env, {
      ...appEnv(names, { staffPassword }),
      NODE_ENV: "production",
      LOG_LEVEL: "info",
      PREP_TIME_SCALE: String(opts.settings.prepTimeScale),
      KAFKA_SESSION_TIMEOUT_MS: String(opts.settings.sessionTimeoutMs),
      DECISION_TIMEOUT_S: String(opts.settings.decisionTimeoutS),
      // Several workers on one machine: no metrics ports to fight over.
      METRICS_PORT: "0",
    });
    opts.step("building the web app (npx turbo run build --filter=@bakery/web; a cache hit when nothing changed)");
    await buildWeb(env);

    const first = await firstFreePort(3401);
    const webPorts = [first, await firstFreePort(first + 1)];
    const fleet = createFleet({ env, logDir: opts.logDir, webPorts });
    cleanups.push(() => fleet.stopAll());
    opts.step(`starting 2 kitchen and 2 bar workers, and web on 127.0.0.1:${webPorts.join(" and :")}`);
    await Promise.all([fleet.start("kitchen"), fleet.start("kitchen"), fleet.start("bar"), fleet.start("bar")]);
    await Promise.all([fleet.start("web"), fleet.start("web")]);
    return {
      stack,
      ...(servers ? { servers } : {}),
      names,
      fleet,
      webUrls: webPorts.map((port) => `http://127.0.0.1:${port}`),
      staffPassword,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
