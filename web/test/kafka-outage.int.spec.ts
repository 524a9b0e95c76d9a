import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startKafka, type KafkaHandle } from "@bakery/stack/kafka/kafka-broker";
import { createStackLog } from "@bakery/stack/log";
import { startBakery, type Bakery } from "./harness/bakery";
import { waitFor } from "./harness/wait-for";
import { freePort } from "@bakery/stack/free-port";
import { createKafka } from "@bakery/shared/kafka";
import { createLogger } from "@bakery/shared/logger";

// This file runs a Kafka broker of its own, so it can stop it without disturbing other tests.
let kafka: KafkaHandle;
let bakery: Bakery;
let dataDir: string;
let ports: { port: number; controllerPort: number };
const log = createStackLog("outage-kafka", "warn");
const quiet = createLogger("silent");

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "bakery-outage-"));
  ports = { port: await freePort(), controllerPort: await freePort() };
  kafka = await startKafka({ ...ports, dataDir, log });
  bakery = await startBakery({ env: { KAFKA_BROKERS: kafka.brokers } });
}, 180_000);

afterAll(async () => {
  await bakery?.close();
  await kafka?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

// One outage for both promises: each broker stop and start costs tens of seconds.
it("completes orders accepted while Kafka was down, sending each item once, and says Kafka is down meanwhile", async () => {
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
  const { GET } = await import("@/app/api/health/route");
  const health = await GET(new Request("http://bakery.test/api/health"));
  expect(health.status).toBe(503);
  expect(((await health.json()) as { reason: string }).reason).toContain("kafka");
  // Long enough for several sweeps to find these entries stale while their first hand-over still waits.
  await new Promise((resolve) => setTimeout(resolve, 12_000));
  expect((await bakery.web.order(mixed.id)).status).toBe("PLACED");

  kafka = await startKafka({ ...ports, dataDir, log });
  const ready = await bakery.untilReady(mixed.id, 120_000);
  expect(ready.items.map((item) => item.status)).toEqual(["READY", "READY"]);
  expect(await bakery.web.context.c.outbox.countDocuments({ _id: mixed.id })).toBe(0);
  for (const order of foods) await bakery.untilReady(order.id, 120_000);
  await admin.connect();
  // 5 orders of 2 foods, and the mixed order's one food: each sent once, however many sweeps ran.
  expect(await foodsSent()).toBe(sentBefore + 11);
  await admin.disconnect();
}, 300_000);
