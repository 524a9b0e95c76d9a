import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { OrderView } from "@bakery/shared/order";
import { connectMongo, insertNew, isDatabaseUnreachable } from "@bakery/shared/mongo";
import { startFerretDb, type FerretDbHandle } from "@bakery/stack/ferretdb/ferretdb-server";
import { freePort } from "@bakery/stack/free-port";
import { createStackLog } from "@bakery/stack/log";
import { startBakery, type Bakery } from "./harness/bakery";
import { outageAnswerProblems, timedCall, type TimedAnswer } from "./harness/outage-answers";
import { waitFor } from "./harness/wait-for";

// This file runs a FerretDB of its own, so it can stop it without disturbing other tests
// (Kafka is the shared one: only the database goes down here).
let ferret: FerretDbHandle;
let bakery: Bakery;
let dataDir: string;
let port: number;
let cookie: string;
let databaseDown = false;
const log = createStackLog("outage-ferretdb", "warn");
const OUTAGE_MS = 10_000;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "bakery-db-outage-"));
  port = await freePort();
  ferret = await startFerretDb({ port, dataDir, log });
  bakery = await startBakery({ env: { MONGODB_URL: ferret.url, STAFF_PASSWORD: "test-staff-password" } });
  const session = await bakery.web.call("POST", "/api/staff/session", { body: { password: "test-staff-password" } });
  cookie = (session.headers.get("set-cookie") ?? "").split(";")[0] as string;
}, 180_000);

afterAll(async () => {
  // A test that failed during the outage leaves the database down: the money check needs it.
  if (databaseDown) ferret = await startFerretDb({ port, dataDir, log });
  await bakery?.close();
  await ferret?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const order = (key: string, items = [{ menuItemId: 1, quantity: 1 }]) =>
  bakery.web.call("POST", "/api/orders", {
    body: { customerName: "Ana", items },
    headers: { "Idempotency-Key": key },
  });

it("replays an order under its Idempotency-Key as it is now, not as it was placed", async () => {
  const placed = await order("replay-1", [
    { menuItemId: 1, quantity: 1 },
    { menuItemId: 2, quantity: 1 },
  ]);
  expect(placed.status).toBe(201);
  const id = (placed.json as OrderView).id;
  await bakery.untilReady(id);

  const replayed = await order("replay-1", [
    { menuItemId: 1, quantity: 1 },
    { menuItemId: 2, quantity: 1 },
  ]);
  expect(replayed.headers.get("idempotent-replayed")).toBe("true");
  expect(replayed.json).toMatchObject({ id, status: "READY" });
  expect((replayed.json as OrderView).items.map((item) => item.status)).toEqual(["READY", "READY"]);
});

it("answers 503 with Retry-After within about 2 s while the database is down, then recovers by itself and completes every acknowledged order", async () => {
  const acknowledged = new Set<string>();
  const ready = await order("before-outage");
  expect(ready.status).toBe(201);
  const readyId = (ready.json as OrderView).id;
  acknowledged.add(readyId);
  await bakery.untilReady(readyId);
  // Orders taken just before the outage, still on their way to the stations when it starts.
  for (let i = 0; i < 4; i++) {
    const placed = await order(`just-before-${i}`, [
      { menuItemId: 3, quantity: 1 },
      { menuItemId: 4, quantity: 1 },
    ]);
    expect(placed.status).toBe(201);
    acknowledged.add((placed.json as OrderView).id);
  }
  const probe = await connectMongo(ferret.url, `${bakery.env.WAITER_DB}-probe`);
  const probeDocs = [{ _id: "a" }, { _id: "b" }];

  await ferret.stop();
  databaseDown = true;
  const downAt = Date.now();
  const answers: { answer: TimedAnswer; must503: boolean; errorShape?: boolean }[] = [];
  const call = async (
    method: string,
    path: string,
    must503: boolean,
    options: Parameters<typeof bakery.web.call>[2] = {},
  ) => {
    const answer = await timedCall(bakery.web.call, method, path, options);
    answers.push({ answer, must503, errorShape: path !== "/api/health" });
    return answer;
  };
  const staff = { headers: { cookie } };

  const refusedKeys: string[] = [];
  // Every route at once, round after round, for as long as the database is down.
  for (let round = 0; Date.now() - downAt < OUTAGE_MS; round++) {
    const key = `during-outage-${round}`;
    const [placed] = await Promise.all([
      call("POST", "/api/orders", true, {
        body: { customerName: "Ana", items: [{ menuItemId: 5, quantity: 1 }] },
        headers: { "Idempotency-Key": key },
      }),
      call("GET", `/api/orders/${readyId}`, true),
      call("GET", `/api/orders/${readyId}/events`, true),
      call("POST", `/api/orders/${readyId}/cancel`, true),
      call("POST", `/api/orders/${readyId}/items/${readyId}.0/decision`, true, { body: { action: "remove" } }),
      call("POST", "/api/order", true, { body: { orderId: 900_000 + round, items: [{ id: 1, type: "FOOD" }] } }),
      call("GET", "/api/order?orderId=900000", true),
      call("GET", "/api/health", true),
      call("GET", "/api/staff/board", true, staff),
      call("POST", `/api/staff/orders/${readyId}/collect`, true, staff),
      call("POST", `/api/staff/orders/${readyId}/cancel`, true, { ...staff, body: { reason: "outage" } }),
      // Served from memory when they can be: an answer in time, never a 500.
      call("GET", "/api/menu", false),
      call("GET", "/api/staff/stations", false, staff),
      call("GET", "/api/metrics", false),
    ]);
    if (placed.status === 201) acknowledged.add((placed.json as OrderView).id);
    else refusedKeys.push(key);
  }
  const problems = answers.flatMap(({ answer, ...options }) => outageAnswerProblems(answer, options));
  const slowest = Math.max(...answers.map(({ answer }) => answer.ms));
  console.log(`database down: ${answers.length} answers, slowest ${slowest} ms, ${problems.length} problems`);
  expect(problems).toEqual([]);
  // A write during the outage fails: it never passes for stored, nor for "already there".
  await expect(insertNew(probe.db.collection<{ _id: string }>("probe"), probeDocs)).rejects.toSatisfy(
    isDatabaseUnreachable,
  );

  ferret = await startFerretDb({ port, dataDir, log });
  databaseDown = false;
  // The same web context and workers, no restart: the routes come back by themselves.
  await waitFor(
    "the order route to answer again",
    async () => (await bakery.web.call("GET", `/api/orders/${readyId}`)).status === 200,
    30_000,
  );
  // Nothing was stored by the write that failed.
  expect(await insertNew(probe.db.collection<{ _id: string }>("probe"), probeDocs)).toEqual(probeDocs);
  await probe.client.close();

  // A client retries what was refused, with the same key: each is taken once.
  for (const key of refusedKeys) {
    const retried = await waitFor(`the retry of ${key}`, async () => {
      const answer = await bakery.web.call("POST", "/api/orders", {
        body: { customerName: "Ana", items: [{ menuItemId: 5, quantity: 1 }] },
        headers: { "Idempotency-Key": key },
      });
      return answer.status === 201 ? (answer.json as OrderView) : undefined;
    });
    acknowledged.add(retried.id);
  }
  for (const id of acknowledged) await bakery.untilReady(id, 60_000);
  expect(acknowledged.size).toBe(5 + refusedKeys.length);
}, 180_000);
