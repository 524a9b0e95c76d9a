import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { cpus } from "node:os";
import { join } from "node:path";
import { Kafka, logLevel } from "kafkajs";
import { waitHealthy } from "@bakery/bench/system/app-process";
import { newRunId } from "@bakery/bench/system/run-names";
import type { StackLog } from "@bakery/stack/log";
import { bringUpChaosBakery, CHAOS_SETTINGS, type ChaosBakery } from "./bakery/bring-up";
import { findDoubleEffects } from "./check/double-effects";
import { diagnoseOrders } from "./check/diagnose";
import { gatherEvidence } from "./check/evidence";
import { checkAnswers } from "./check/http-check";
import { checkOrders } from "./check/orders-check";
import type { Problem } from "./check/problem";
import { checkBrowsers } from "./check/sse-check";
import { checkStock } from "./check/stock-check";
import { createAnswerLog } from "./client/answers";
import { startBrowsers } from "./client/browsers";
import { startFailureHalf } from "./client/failure-half";
import { createHttp } from "./client/http";
import { startOrderTraffic } from "./client/order-traffic";
import { FINAL, startOrderWatch } from "./client/order-watch";
import { runNemesis } from "./nemesis/nemesis";
import type { ChaosOptions } from "./options";
import { tableRows, type ChaosReport, type Check } from "./report";
import { planSchedule } from "./schedule";
import type { OrderView } from "@bakery/shared/order";
import { seededRandom } from "./seeded-random";

/** The item staff keep running out of (Torta de limão, kitchen). */
const SCARCE_ITEM = 6;
/** A browser waits a long time for an answer before its customer gives up and asks again. */
const REQUEST_TIMEOUT_MS = 30_000;
const RETRY_BUDGET_MS = 60_000;
/** How long the bakery may take to be whole again after a fault, and to finish its orders at the end. */
const RECOVERY_LIMIT_MS = 90_000;
const DRAIN_LIMIT_MS = 90_000;
/** How long the checker waits for the web processes to answer /api/health again before it reads. */
const SETTLE_LIMIT_MS = 180_000;

/**
 * One chaos run: the bakery under steady load, the failure half and browsers exercised, the
 * nemesis's schedule, then the drain and the checker. Returns the report (not yet written).
 */
export async function runChaos(opts: {
  options: ChaosOptions;
  /** Where the apps' logs and the client's history go (a folder per run is made in it). */
  workDir: string;
  log: StackLog;
  step: (line: string) => void;
  allowExternal: boolean;
}): Promise<{ report: ChaosReport; runDir: string }> {
  const { options, step } = opts;
  const startedAt = new Date();
  const runId = newRunId(startedAt, randomBytes(2).toString("hex"), "chaos");
  const runDir = join(opts.workDir, runId);
  await mkdir(runDir, { recursive: true });
  step(`run ${runId}: seed ${options.seed}, ${options.mode} schedule, ${options.rate} orders/s; logs in ${runDir}`);

  const bakery = await bringUpChaosBakery({
    runId,
    logDir: runDir,
    log: opts.log,
    step,
    allowExternal: opts.allowExternal,
    settings: CHAOS_SETTINGS,
  });
  try {
    return { report: await underLoad(bakery, runId, runDir, startedAt, opts), runDir };
  } finally {
    step("stopping the apps and the stack");
    await bakery.stop();
  }
}

async function underLoad(
  bakery: ChaosBakery,
  runId: string,
  runDir: string,
  startedAt: Date,
  opts: Parameters<typeof runChaos>[0],
): Promise<ChaosReport> {
  const { options, step } = opts;
  const rng = seededRandom(options.seed);
  const schedule = planSchedule({
    seed: options.seed,
    mode: options.mode,
    ...(options.faults ? { faults: options.faults } : {}),
    ownServers: bakery.servers !== undefined,
    sessionTimeoutMs: CHAOS_SETTINGS.sessionTimeoutMs,
  });
  schedule.skipped.forEach((s) => step(`fault ${s.fault} skipped: ${s.why}`));
  const kafka = new Kafka({
    clientId: "chaos",
    brokers: bakery.stack.env.KAFKA_BROKERS.split(","),
    logLevel: logLevel.NOTHING,
    retry: { retries: 20 },
  });
  const answers = createAnswerLog();
  const http = createHttp({ webs: bakery.webUrls, timeoutMs: REQUEST_TIMEOUT_MS, log: answers });

  const failureHalf = startFailureHalf({
    http,
    rng: rng.fork("failure-half"),
    staffPassword: bakery.staffPassword,
    scarceItem: SCARCE_ITEM,
    cancelShare: 0.05,
    retryBudgetMs: RETRY_BUDGET_MS,
  });
  const watch = await startOrderWatch({
    kafka,
    topic: bakery.names.topics.orderUpdates,
    groupId: `${runId}-watch`,
    onUnavailable: (item) => failureHalf.unavailable(item),
  });
  await failureHalf.start();

  const toFollow: string[] = [];
  let lastAckAt = 0;
  const traffic = startOrderTraffic({
    http,
    rate: options.rate,
    runId,
    rng: rng.fork("orders"),
    scarceItem: SCARCE_ITEM,
    retryBudgetMs: RETRY_BUDGET_MS,
    onAck: (order, view) => {
      lastAckAt = order.at;
      watch.acked(view, order.at);
      failureHalf.acked(order.orderId);
      toFollow.push(order.orderId);
    },
  });
  const browsers = startBrowsers({
    count: options.browsers,
    webs: bakery.webUrls,
    http,
    answers,
    nextOrder: () => toFollow.pop(),
    // A few customers each with a few orders open: about a hundred streams in all.
    openEveryMs: 5_000,
    maxTabs: 25,
  });
  step(
    `load on: ${options.rate} orders/s through ${bakery.webUrls.length} web processes, ${options.browsers} browsers following orders`,
  );
  let seen = 0;
  const ticker = setInterval(() => {
    const recent = answers.all().slice(seen);
    seen += recent.length;
    const kinds = histogram(
      recent.map((a) =>
        a.error ? "no answer" : a.status !== undefined && a.status >= 500 ? String(a.status) : "answered",
      ),
    );
    const tabs = browsers.state();
    step(
      `  acknowledged ${traffic.acked().length}, not final ${watch.open()}; browsers: ${tabs.live}/${tabs.tabs} streams live, ${tabs.connecting} connecting (oldest ${(tabs.oldestConnectingMs / 1000).toFixed(0)} s); last 10 s: ${Object.entries(
        kinds,
      )
        .map(([k, n]) => `${n} ${k}`)
        .join(", ")}`,
    );
  }, 10_000);

  // Orders found unsettled at a recovery limit are reported once as stuck, not waited for again.
  const given = new Set<string>();
  const recovered = async (healedAt: number): Promise<number | undefined> => {
    const deadline = healedAt + RECOVERY_LIMIT_MS;
    while (Date.now() < deadline) {
      const unsettled = watch.unsettledBefore(healedAt).filter((o) => !given.has(o.orderId));
      if (unsettled.length === 0 && lastAckAt > healedAt) return Date.now();
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    watch.unsettledBefore(healedAt).forEach((o) => given.add(o.orderId));
    return undefined;
  };
  const windows = await runNemesis({
    schedule,
    ctx: {
      fleet: bakery.fleet,
      ...(bakery.servers ? { servers: bakery.servers } : {}),
      kafka,
      names: bakery.names,
      rng: rng.fork("nemesis"),
      say: step,
    },
    recovered,
    stopped: () => false,
  });

  step("schedule done: no new orders; draining (every acknowledged order should end READY or CANCELLED)");
  await traffic.stop();
  await failureHalf.stop();
  const drainDeadline = Date.now() + DRAIN_LIMIT_MS;
  const acked = traffic.acked();
  while (Date.now() < drainDeadline && acked.some((o) => !FINAL.includes(watch.status(o.orderId) ?? "PLACED")))
    await new Promise((resolve) => setTimeout(resolve, 500));
  // The last updates reach the browsers' tabs a moment after the feed the drain watched.
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  await browsers.stop();
  clearInterval(ticker);
  await watch.stop();

  // The checker reads once the bakery answers again (bounded), with a patient client of its own.
  await Promise.all(
    bakery.webUrls.map((url) =>
      waitHealthy(url, [], SETTLE_LIMIT_MS).catch(() => step(`  ${url} still not healthy; reading anyway`)),
    ),
  );
  step(`checking ${acked.length} acknowledged orders against the API, the stations' records and the topics`);
  const reader = createHttp({ webs: bakery.webUrls, timeoutMs: 30_000, log: answers });
  const evidence = await gatherEvidence({
    kafka,
    names: bakery.names,
    mongoUrl: bakery.stack.env.MONGODB_URL,
    http: reader,
    orderIds: acked.map((o) => o.orderId),
    history: bakery.fleet.history(),
    runId,
  });
  const downtimes = windows.flatMap((w) => w.down);
  const http5xx = checkAnswers({ answers: answers.all(), downtimes });
  const doubles = findDoubleEffects(evidence);
  const prepared = new Set([...evidence.outcomes.values()].filter((o) => o.outcome === "READY").map((o) => o.itemId));
  const apiViews = new Map([...evidence.reads].map(([id, read]) => [id, read.view]));
  const orders = checkOrders({ acked, reads: evidence.reads, outcomes: evidence.outcomes });
  // An order that did not finish: what the databases say about it goes with its problem line.
  const unfinished = orders.filter((p) => p.kind === "stuck" && p.orderId && apiViews.get(p.orderId));
  const diagnosis = await diagnoseOrders({
    mongoUrl: bakery.stack.env.MONGODB_URL,
    names: bakery.names,
    views: unfinished.slice(0, 50).map((p) => apiViews.get(p.orderId as string) as OrderView),
  }).catch((err: unknown) => new Map([["", `could not diagnose: ${String(err)}`]]));
  for (const problem of unfinished) {
    const words = diagnosis.get(problem.orderId as string);
    if (words) problem.message += ` (${words})`;
  }
  const stock = checkStock({ ...evidence, prepared });
  const sse = checkBrowsers({ followed: browsers.followed(), api: apiViews, now: Date.now() });
  const exits = bakery.fleet
    .history()
    .filter((i) => i.end === "exited")
    .map((i): Problem => ({
      kind: "process",
      at: i.endedAt ?? 0,
      message: `${i.slot} (#${i.n}) exited by itself (${i.exit ?? "?"}); see ${i.logFile}`,
    }));
  const problems = [...orders, ...doubles.problems, ...stock, ...sse, ...http5xx.problems, ...exits];
  const count = (kind: Problem["kind"]) => problems.filter((p) => p.kind === kind).length;
  const followed = browsers.followed();
  const checks: Check[] = [
    { name: "no acknowledged order lost", ok: count("lost") === 0, detail: `${count("lost")} lost of ${acked.length}` },
    {
      name: "every acknowledged order final after the drain",
      ok: count("stuck") === 0,
      detail: `${count("stuck")} not final`,
    },
    {
      name: "each item prepared at most once",
      ok: count("double effect") === 0,
      detail: `${count("double effect")} double effects; ${doubles.restarts.length} restarts after a worker died or froze; ${evidence.starts.length} starts, ${evidence.preparations.length} preparations seen`,
    },
    {
      name: "items agree with their stations' records",
      ok: count("outcome") === 0,
      detail: `${count("outcome")} disagreements over ${evidence.outcomes.size} recorded outcomes`,
    },
    {
      name: "no stock portion used twice",
      ok: count("stock") === 0,
      detail: `${count("stock")} problems; ${evidence.settings.length} stock settings, ${evidence.holders.length} portions taken, ${evidence.returned.size} given back`,
    },
    {
      name: "every browser's view equals GET /api/orders/:id",
      ok: count("sse") === 0,
      detail: `${count("sse")} differ of ${followed.filter((f) => f.view).length} orders shown (${followed.reduce((n, f) => n + f.connects, 0)} connects, ${followed.reduce((n, f) => n + f.drops, 0)} drops)`,
    },
    {
      name: "every browser tab loaded its order",
      ok: count("unloaded") === 0,
      detail: `${count("unloaded")} of ${followed.length} tabs never got a snapshot`,
    },
    {
      name: "no 5xx but 503 with Retry-After during a database or Kafka outage",
      ok: count("http") === 0,
      detail: `${count("http")} kinds of wrong answers; ${http5xx.allowed503} allowed 503s; ${answers.all().length} answers in all`,
    },
    {
      name: "money: charged + refunded = ordered, nothing pending at the end",
      ok: count("money") === 0,
      detail: `${count("money")} problems`,
    },
    {
      name: "recovered after every fault",
      ok: windows.every((w) => w.recoveredAt !== undefined && w.errors.length === 0),
      detail: windows
        .map(
          (w) =>
            `${w.name}: ${w.recoveredAt === undefined ? "NOT recovered" : `${((w.recoveredAt - w.healedAt) / 1000).toFixed(1)} s`}${w.errors.length ? " (fault not done)" : ""}`,
        )
        .join(", "),
    },
    { name: "no process exited by itself", ok: exits.length === 0, detail: `${exits.length} exits` },
  ];
  const notAcked = traffic.notAcked();
  const refused: Record<string, number> = {};
  for (const n of notAcked) {
    const why = n.gaveUp
      ? `gave up (${n.last.status ?? n.last.error})`
      : `${n.last.status} ${n.last.code ?? ""}`.trim();
    refused[why] = (refused[why] ?? 0) + 1;
  }
  const finishedAt = new Date();
  await writeFile(
    join(runDir, "history.json"),
    JSON.stringify({
      acked,
      notAcked,
      answers: answers.all(),
      followed: followed.map(({ view: _view, ...f }) => f),
      fleet: bakery.fleet.history(),
      windows,
      restarts: doubles.restarts,
    }),
  );
  await Promise.all([http.close(), reader.close()]);
  return {
    runId,
    seed: options.seed,
    mode: options.mode,
    rate: options.rate,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationS: (finishedAt.getTime() - startedAt.getTime()) / 1000,
    stack: bakery.stack.kind,
    settings: {
      cores: cpus().length,
      PREP_TIME_SCALE: CHAOS_SETTINGS.prepTimeScale,
      KAFKA_SESSION_TIMEOUT_MS: CHAOS_SETTINGS.sessionTimeoutMs,
      DECISION_TIMEOUT_S: CHAOS_SETTINGS.decisionTimeoutS,
      web: 2,
      kitchen: 2,
      bar: 2,
      browsers: options.browsers,
    },
    skipped: schedule.skipped,
    rows: tableRows({ windows, ackTimes: acked.map((o) => o.at), problems }),
    checks,
    problems,
    restarts: doubles.restarts.slice(0, 50),
    windows,
    traffic: {
      acknowledged: acked.length,
      notAcknowledged: refused,
      acknowledgedAfterRetries: acked.filter((o) => o.attempts > 1).length,
      failureHalf: failureHalf.counts(),
      ordersFollowedByBrowsers: followed.length,
      answersByStatus: histogram(answers.all().map((a) => String(a.status ?? a.error))),
    },
    verdict: checks.every((c) => c.ok) ? "PASS" : "FAIL",
  };
}

function histogram(values: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const value of values) out[value] = (out[value] ?? 0) + 1;
  return out;
}
