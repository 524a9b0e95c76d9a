import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { OrderView } from "@bakery/shared/order";
import { startFerretDb, type FerretDbHandle } from "@bakery/stack/ferretdb/ferretdb-server";
import { freePort } from "@bakery/stack/free-port";
import { createStackLog } from "@bakery/stack/log";
import { moneyProblems } from "@bakery/shared/money";
import { outageAnswerProblems, timedCall, type TimedAnswer } from "./harness/outage-answers";
import { sagaEnv } from "./harness/saga-env";
import { waitFor } from "./harness/wait-for";
import { loadWebApp, type WebApp } from "./harness/web-app";
import { startWorker, type WorkerProcess } from "./harness/worker-process";

// This file runs a FerretDB of its own, started only after the web app and the workers:
// they start while their database is down.
let ferret: FerretDbHandle | undefined;
let web: WebApp | undefined;
let workers: WorkerProcess[] = [];
let dataDir: string;
const log = createStackLog("start-without-db", "warn");
/** Longer than the 10 s the driver used to wait before a process gave up and exited. */
const DOWN_MS = 14_000;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "bakery-start-without-db-"));
});

afterAll(async () => {
  await web?.close();
  await Promise.all(workers.map((worker) => worker.stop()));
  await ferret?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

it("a web process and workers started while the database is down answer 503, stay up, and work once it is up", async () => {
  const port = await freePort();
  const env = sagaEnv({ MONGODB_URL: `mongodb://127.0.0.1:${port}/` });
  workers = [startWorker("kitchen", env), startWorker("bar", env)];
  web = await loadWebApp(env, { waitForContext: false });
  const app = web;
  const items = [
    { menuItemId: 1, quantity: 1 },
    { menuItemId: 2, quantity: 1 },
  ];
  const place = () =>
    app.call("POST", "/api/orders", {
      body: { customerName: "Ana", items },
      headers: { "Idempotency-Key": "first-order-key" },
    });

  const answers: TimedAnswer[] = [];
  const started = Date.now();
  while (Date.now() - started < DOWN_MS) {
    answers.push(
      ...(await Promise.all([
        timedCall(app.call, "GET", "/api/menu"),
        timedCall(app.call, "GET", "/api/health"),
        timedCall(app.call, "POST", "/api/orders", {
          body: { customerName: "Ana", items },
          headers: { "Idempotency-Key": "first-order-key" },
        }),
      ])),
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const problems = answers.flatMap((answer) => outageAnswerProblems(answer, { must503: true }));
  console.log(`database down at start: ${answers.length} answers, slowest ${Math.max(...answers.map((a) => a.ms))} ms`);
  expect(problems).toEqual([]);
  // The workers wait for their database instead of exiting.
  for (const worker of workers) expect(worker.child.exitCode, worker.output()).toBeNull();

  ferret = await startFerretDb({ port, dataDir, log });
  await waitFor("the menu to be served", async () => (await app.call("GET", "/api/menu")).status === 200, 60_000);
  // The order the customer kept retrying is taken now, under its key, and made by both stations.
  const placed = await waitFor("the order to be taken", async () => {
    const answer = await place();
    if (answer.status !== 201) throw new Error(`${answer.status} ${JSON.stringify(answer.json)}`);
    return answer.json as OrderView;
  });
  const ready = await waitFor(
    "the order READY",
    async () => {
      const view = await app.order(placed.id);
      return view.status === "READY" ? view : undefined;
    },
    60_000,
  );
  expect(ready.items.map((item) => item.status)).toEqual(["READY", "READY"]);
  expect(moneyProblems(ready)).toEqual([]);
}, 150_000);
