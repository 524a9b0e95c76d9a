/**
 * `npm run bench [-- --smoke] [-- --profile]`: builds and starts the bakery in production
 * mode on a private stack, drives it from a separate load-generator process, and prints
 * and writes (bench/results/<run>.json and .md) what it sustained. Wiring only: each
 * phase lives in its own file.
 */
import { randomBytes } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createStackLog } from "@bakery/stack/log";
import { shutdownRequested } from "@bakery/stack/processes/shutdown-signal";
import { planFromArgs } from "./phases/bench-plan";
import type { BenchReport } from "./report/bench-report";
import { bringUp } from "./system/bring-up";
import { createCpuSampler } from "./profile/cpu-sampler";
import { startLoadProcess, type LoadProcess } from "./load/load-process";
import { describeMachine } from "./system/machine";
import { listProcesses } from "./profile/proc-stats";
import { summarizeProfiles } from "./profile/profiles";
import { createProgress } from "./report/progress";
import { renderText, writeReport } from "./report/report";
import { runHttpCeilingPhase, runKafkaCeilingPhase } from "./ceilings/run-ceilings";
import { runLadder } from "./phases/run-e2e";
import { newRunId, runNames } from "./system/run-names";
import { saveTopSnapshot } from "./profile/top-snapshot";
import { measureConnectCost, runSsePhases } from "./phases/run-sse";
import { evaluateSanity, evaluateTargets } from "./report/targets";

const RESULTS_DIR = fileURLToPath(new URL("../results/", import.meta.url));
/** What to stop if a signal ends the run early. */
let cleanup: (() => Promise<void>) | undefined;

async function main(): Promise<number> {
  const plan = planFromArgs(process.argv.slice(2));
  const startedAt = new Date();
  const runId = newRunId(startedAt, randomBytes(2).toString("hex"));
  const workDir = join(RESULTS_DIR, runId);
  const profileDir = plan.profile ? join(workDir, "profiles") : undefined;
  await mkdir(profileDir ?? workDir, { recursive: true });
  const { step, elapsedS } = createProgress();
  const machine = describeMachine();
  step(
    `run ${runId} (${plan.mode}); ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, Kafka ${machine.kafka}, FerretDB ${machine.ferretdb}; logs in ${workDir}`,
  );
  step(
    `open-file limit here ${machine.fdLimit.soft} (hard ${machine.fdLimit.hard}); children are raised to min(65536, hard)`,
  );

  const names = runNames(runId);
  const bakery = await bringUp({
    names,
    logDir: workDir,
    log: createStackLog("bench stack", "warn"),
    step,
    ...(profileDir ? { profileDir } : {}),
  });
  const appPids = (pgid: number) =>
    listProcesses()
      .filter((p) => p.pgrp === pgid)
      .map((p) => p.pid);
  const apps = [
    { name: "web (next-server)", pids: appPids(bakery.web.pid) },
    { name: "kitchen worker", pids: appPids(bakery.kitchen.pid) },
    { name: "bar worker", pids: appPids(bakery.bar.pid) },
  ];
  let load: LoadProcess | undefined;
  cleanup = async () => {
    await load?.stop();
    await bakery.stop();
  };
  let report: Omit<BenchReport, "finishedAt" | "durationS" | "profiles"> | undefined;
  try {
    load = startLoadProcess({ onLine: step });
    const loadPid = load.pid;
    const init = await load.run("init", {
      runId,
      baseUrl: bakery.baseUrl,
      brokers: bakery.env.KAFKA_BROKERS.split(","),
      updatesTopic: names.topics.orderUpdates,
      balconyTopic: names.topics.balcony,
      connections: plan.connections,
    });
    step(
      `load generator pid ${loadPid} ready (open-file limit ${init.fdLimit}); web is next-server pid ${bakery.webServerPid}`,
    );
    const cpu = (extra: { name: string; pgid: number }[] = []) =>
      createCpuSampler([
        ...bakery.roles,
        { name: "load", match: (p) => p.pid === loadPid },
        ...extra.map((e) => ({ name: e.name, match: (p: { pgrp: number }) => p.pgrp === e.pgid })),
      ]);

    // Streams first: the order of the phases only matters for how long the run takes.
    const sse = await runSsePhases({ load, plan, webPid: bakery.webServerPid, cpu: cpu(), step });
    const e2e = await runLadder({
      load,
      plan,
      cpu: cpu(),
      step,
      ordersInDb: sse.orderIds.length,
      snapshot: (name) => saveTopSnapshot(join(workDir, name)),
    });
    const connectCostAfter = await measureConnectCost(load, sse.orderIds, e2e.ordersAfter, 3);
    step(
      `  one stream at a time with ${e2e.ordersAfter} orders in the database: connect p50 ${connectCostAfter.connect.p50.toFixed(0)} ms (was ${sse.connectCostFresh.connect.p50.toFixed(0)} ms with ${sse.orderIds.length})`,
    );
    step("ceiling (a): raw kafkajs pipeline, same hops, topics, partitions, acks and message sizes");
    const kafka = await runKafkaCeilingPhase({ bakery, load, names, plan, logDir: workDir, cpu, step });
    step(`  raw pipeline: ${kafka.throughput.toFixed(0)} orders/s READY, e2e p99 ${kafka.e2e.p99.toFixed(0)} ms`);
    step("ceiling (b): bare node:http server, same validation, inserts and produce");
    const http = await runHttpCeilingPhase({ bakery, load, names, plan, logDir: workDir, cpu, step });
    step(
      `  product accept path: ${http.product.throughput.toFixed(0)} orders/s, p99 ${http.product.accept.p99.toFixed(0)} ms`,
    );

    const warnings: string[] = [];
    if (await bakery.rebuiltMeanwhile())
      warnings.push(
        "WARNING: web/.next was rebuilt by someone else during this run; the web app may have served a mix of builds or failed. Rerun when nobody builds.",
      );
    for (const group of [bakery.web, bakery.kitchen, bakery.bar])
      if (group.hasExited()) warnings.push(`WARNING: ${group.name} exited during the run; see its log in ${workDir}.`);
    warnings.forEach(step);
    const ratios = {
      e2eOverKafka: e2e.sustainedRate / kafka.throughput,
      e2eOverHttp: e2e.sustainedRate / http.bare.throughput,
      acceptOverHttp: http.product.throughput / http.bare.throughput,
    };
    const figures = {
      e2e,
      sse,
      connectCostAfter,
      ceilings: { kafka, http: http.bare, productAccept: http.product },
      ratios,
    };
    report = {
      runId,
      mode: plan.mode,
      startedAt: startedAt.toISOString(),
      machine,
      stack: bakery.stackKind,
      ...figures,
      targets: evaluateTargets(figures),
      sanity: evaluateSanity(figures),
      notes: [
        ...warnings,
        `Everything shares this machine's ${machine.cores} cores: the Kafka JVM, FerretDB, next-server, both workers and the load generator (and anything else running, the "other" column). Figures are for this machine as a whole, not for any one part.`,
        "READY is observed by the load generator on the run's order-updates topic (what the browsers are fed from), so end-to-end includes the web's projector hop.",
        "Accept latency is measured from each request's scheduled send time (open loop, no coordinated omission).",
        "Balcony-to-browser: each probe is an ItemReady published on balcony the way a station publishes it (same schema and publisher, acks = all) for an order whose customer stream is open; timed from the send to the arrival at the client.",
        "Ceilings run closed loop (a fixed number of orders or requests in flight), which gives their maximum throughput; the e2e figure is the highest open-loop arrival rate sustained, so the ratio errs on the low side.",
        "The bare HTTP ceiling's produce goes to topics nobody consumes (it measures the accept path); the product accept-path row runs with the workers and the projector consuming, as in production.",
        "The web app runs with NODE_ENV=production and a generated STAFF_PASSWORD; web/.next is shared with anyone else building in this checkout (a warning above says if it changed during the run).",
      ],
    };
  } finally {
    cleanup = undefined;
    await load?.stop();
    step("stopping the apps and the stack");
    await bakery.stop();
  }
  const profiles = profileDir ? await summarizeProfiles(profileDir, apps) : undefined;
  const finished: BenchReport = {
    ...report,
    finishedAt: new Date().toISOString(),
    durationS: elapsedS(),
    ...(profiles ? { profiles } : {}),
  };
  process.stdout.write(`\n${renderText(finished)}`);
  const written = await writeReport(RESULTS_DIR, finished);
  step(`written ${written.markdown} and ${written.json}`);
  if (plan.mode === "smoke") {
    const failed = finished.sanity.filter((check) => !check.pass);
    step(failed.length === 0 ? "smoke: every sanity check passed" : `smoke: ${failed.length} sanity check(s) FAILED`);
    return failed.length === 0 ? 0 : 1;
  }
  return 0;
}

const interrupted = shutdownRequested().then(async (signal) => {
  process.stderr.write(`bench: ${signal}, stopping everything\n`);
  await cleanup?.();
  return 130;
});
Promise.race([main(), interrupted]).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
