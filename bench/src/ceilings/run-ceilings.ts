import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { childEnv } from "@bakery/stack/processes/child-env";
import { REPO_ROOT } from "@bakery/stack/repo-root";
import { spawnGroup, type ProcessGroup } from "@bakery/stack/processes/spawn-group";
import type { BenchPlan } from "../phases/bench-plan";
import type { Bakery } from "../system/bring-up";
import type { CpuSampler, CpuUse } from "../profile/cpu-sampler";
import { firstFreePort } from "@bakery/stack/free-port";
import type { KafkaCeilingResult, SaturateResult } from "../load/load-protocol";
import type { LoadProcess } from "../load/load-process";
import type { RunNames } from "../system/run-names";
import { tsEntryCommand } from "../system/ts-entry";

type Deps = {
  bakery: Bakery;
  load: LoadProcess;
  names: RunNames;
  plan: BenchPlan;
  logDir: string;
  cpu: (extra: { name: string; pgid: number }[]) => CpuSampler;
  step: (line: string) => void;
};

function startEntry(name: string, file: string, args: string[], logDir: string): ProcessGroup {
  const [command, argv] = tsEntryCommand(new URL(file, import.meta.url), args);
  return spawnGroup({
    name,
    command,
    args: argv,
    cwd: REPO_ROOT,
    env: childEnv(),
    output: { kind: "file", path: join(logDir, `${name}.log`) },
    dieWithParent: true,
  });
}

/**
 * Ceiling (a): the same four hops on raw kafkajs, each in a process of its own as in the
 * product (two stations, one projector), driven and observed by the load generator.
 */
export async function runKafkaCeilingPhase(deps: Deps): Promise<KafkaCeilingResult & { cpu: CpuUse }> {
  const { names, bakery } = deps;
  const t = names.ceilingTopics;
  const brokers = bakery.env.KAFKA_BROKERS;
  const relays = [
    startEntry(
      "relay-kitchen",
      "./kafka-relay.ts",
      ["station", brokers, names.groups.rawKitchen, t.foods, t.balcony],
      deps.logDir,
    ),
    startEntry(
      "relay-bar",
      "./kafka-relay.ts",
      ["station", brokers, names.groups.rawBar, t.drinks, t.balcony],
      deps.logDir,
    ),
    startEntry(
      "relay-projector",
      "./kafka-relay.ts",
      ["projector", brokers, names.groups.rawProjector, t.balcony, t.orderUpdates],
      deps.logDir,
    ),
  ];
  try {
    await sleep(3_000);
    const dead = relays.find((relay) => relay.hasExited());
    if (dead) throw new Error(`${dead.name} exited; see ${deps.logDir}/${dead.name}.log`);
    const sampler = deps.cpu(relays.map((relay) => ({ name: relay.name, pgid: relay.pid })));
    const mark = sampler.mark();
    const result = await deps.load.run("kafkaCeiling", {
      brokers: brokers.split(","),
      topics: t,
      ...deps.plan.kafkaCeiling,
    });
    return { ...result, cpu: sampler.since(mark) };
  } finally {
    await Promise.all(relays.map((relay) => relay.stop(10_000)));
  }
}

/**
 * Ceiling (b): a bare node:http server doing the accept path (ceiling-http.ts), saturated
 * by the load generator; then the product's own accept path saturated the same way.
 */
export async function runHttpCeilingPhase(
  deps: Deps,
): Promise<{ bare: SaturateResult & { cpu: CpuUse }; product: SaturateResult & { cpu: CpuUse } }> {
  const { names, bakery } = deps;
  const port = await firstFreePort(bakery.webPort + 1);
  const server = startEntry(
    "bare-http",
    "./ceiling-http-main.ts",
    [
      String(port),
      bakery.env.MONGODB_URL,
      names.dbs.bare,
      bakery.env.KAFKA_BROKERS,
      names.bareTopics.foods,
      names.bareTopics.drinks,
      names.bareTopics.orderUpdates,
    ],
    deps.logDir,
  );
  try {
    await waitFor(`http://127.0.0.1:${port}/health`, server);
    const sampler = deps.cpu([{ name: "bare-http", pgid: server.pid }]);
    let mark = sampler.mark();
    const bare = {
      ...(await deps.load.run("saturate", { baseUrl: `http://127.0.0.1:${port}`, ...deps.plan.httpCeiling })),
      cpu: sampler.since(mark),
    };
    await server.stop(10_000);
    deps.step(
      `  bare server: ${bare.throughput.toFixed(0)} orders/s accepted, p99 ${bare.accept.p99.toFixed(0)} ms; now the product's accept path, same load`,
    );
    mark = sampler.mark();
    const product = {
      ...(await deps.load.run("saturate", { baseUrl: bakery.baseUrl, ...deps.plan.httpCeiling })),
      cpu: sampler.since(mark),
    };
    return { bare, product };
  } finally {
    await server.stop(10_000);
  }
}

async function waitFor(url: string, group: ProcessGroup): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt++) {
    if (group.hasExited()) throw new Error(`${group.name} exited during start-up`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2_000) })).ok) return;
    } catch {
      // not yet
    }
    await sleep(250);
  }
  throw new Error(`${url} did not answer`);
}
