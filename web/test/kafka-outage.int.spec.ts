import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startKafka, type KafkaHandle } from "@bakery/stack/kafka/kafka-broker";
import { createStackLog } from "@bakery/stack/log";
import { startBakery, type Bakery } from "./harness/bakery";
import { outageAnswerProblems, timedCall } from "./harness/outage-answers";
import { waitFor } from "./harness/wait-for";
import { freePort } from "@bakery/stack/free-port";
import { createKafka } from "@bakery/shared/kafka";
import { createLogger } from "@bakery/shared/logger";

// This file runs a Kafka broker of its own, so it can stop it without disturbing other tests.
let kafka: KafkaHandle;
let bakery: Bakery;
let dataDir: string;
let ports: { port: number; controllerPort: number };
let cookie: string;
const log = createStackLog("outage-kafka", "warn");
const quiet = createLogger("silent");

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "bakery-outage-"));
  ports = { port: await freePort(), controllerPort: await freePort() };
  kafka = await startKafka({ ...ports, dataDir, log });
  bakery = await startBakery({ env: { KAFKA_BROKERS: kafka.brokers, STAFF_PASSWORD: "test-staff-password" } });
  const session = await bakery.web.call("POST", "/api/staff/session", { body: { password: "test-staff-password" } });
  cookie = (session.headers.get("set-cookie") ?? "").split(";")[0] as string;
}, 180_000);

afterAll(async () => {
  await bakery?.close();
  await kafka?.stop();
  await rm(dataDir, { recursive: true, force: true });
});
// One outage for every promise: each broker stop and start costs tens of seconds.
it("completes orders accepted while Kafka was down, sending each once, and answers 503 within 2 s meanwhile", async () => {
  const admin = createKafka({ brokers: [kafka.brokers], clientId: "outage-count", log: quiet }).admin();
  // Every ItemOrdered of the foods topic: the sum of its partitions' end offsets (asked again while leaders settle).
  const foodsSent = () =>
    waitFor("the foods topic's offsets", async () => {
      const offsets = await admin.fetchTopicOffsets(bakery.env.TOPIC_FOODS as string);
      return offsets.reduce((sum, partition) => sum + Number(partition.high), 0);
    });
  const before = await bakery.placeOrder([{ menuItemId: 5, quantity: 1 }]);
  await bakery.untilReady(before.id);
  await admin.connect();
  const sentBefore = await foodsSent();
  await admin.disconnect();

  await kafka.stop();
  const mixed = await bakery.placeOrder([
    { menuItemId: 7, quantity: 1 },
    { menuItemId: 8, quantity: 1 },
  ]);
  expect(mixed.status).toBe("PLACED");
  expect(await bakery.web.context.c.outbox.countDocuments({ _id: mixed.id })).toBe(1);
  const foods = [];
  for (let i = 0; i < 5; i++) foods.push(await bakery.placeOrder([{ menuItemId: 1, quantity: 2 }]));

  // What must reach Kafka answers 503 with Retry-After within about 2 s (kafkajs alone would
  // retry for most of a minute); what needs only the database still answers.
  const drink = await bakery.placeOrder([{ menuItemId: 2, quantity: 1 }]);
  const answers = await Promise.all([
    timedCall(bakery.web.call, "POST", `/api/orders/${drink.id}/cancel`),
    timedCall(bakery.web.call, "PUT", "/api/staff/stock/2", { headers: { cookie }, body: { portions: null } }),
    timedCall(bakery.web.call, "POST", "/api/staff/stations/BAR/resume", { headers: { cookie } }),
  ]);
  const read = await timedCall(bakery.web.call, "GET", `/api/orders/${drink.id}`);
  console.log(`kafka down: answers in ${[...answers, read].map((answer) => answer.ms).join(", ")} ms`);
  expect(answers.flatMap((answer) => outageAnswerProblems(answer, { must503: true }))).toEqual([]);
  expect(outageAnswerProblems(read, { must503: false })).toEqual([]);
  expect(read.status).toBe(200);
  const { GET } = await import("@/app/api/health/route");
  const health = await GET(new Request("http://bakery.test/api/health"));
  expect(health.status).toBe(503);
  expect(((await health.json()) as { reason: string }).reason).toContain("kafka");
  expect(Number(health.headers.get("retry-after"))).toBeGreaterThan(0);
  // Long enough for several sweeps to find these entries stale while their first hand-over still waits.
  await new Promise((resolve) => setTimeout(resolve, 12_000));
  expect((await bakery.web.order(mixed.id)).status).toBe("PLACED");

  kafka = await startKafka({ ...ports, dataDir, log });
  const ready = await bakery.untilReady(mixed.id, 120_000);
  expect(ready.items.map((item) => item.status)).toEqual(["READY", "READY"]);
  expect(await bakery.web.context.c.outbox.countDocuments({ _id: mixed.id })).toBe(0);
  for (const order of foods) await bakery.untilReady(order.id, 120_000);
  // The cancellation was stored before its 503: it is carried out once Kafka is back (or the drink was made first).
  await waitFor(
    "the drink order to end",
    async () => ["CANCELLED", "READY"].includes((await bakery.web.order(drink.id)).status),
    60_000,
  );
  await admin.connect();
  // 5 orders of 2 foods and the mixed order's food: 11 items. The producer is at-least-once: a
  // produce request written by the restarting broker whose answer was lost is sent again, so an
  // item may be on the topic twice (the stations drop the copy by its id; measured: 11 to 22).
  // What must not happen is a resend per sweep of the outage (the defect this test was written for).
  const sent = (await foodsSent()) - sentBefore;
  expect(sent).toBeGreaterThanOrEqual(11);
  expect(sent).toBeLessThanOrEqual(22);
  await admin.disconnect();
}, 300_000);
