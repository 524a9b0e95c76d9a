import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startKafka, type KafkaHandle } from "@bakery/stack/kafka-broker";
import { createStackLog } from "@bakery/stack/log";
import { startBakery, type Bakery } from "./harness/bakery";
import { freePort } from "@bakery/stack/free-port";

// This file runs a Kafka broker of its own, so it can stop it without disturbing other tests.
let kafka: KafkaHandle;
let bakery: Bakery;
let dataDir: string;
let ports: { port: number; controllerPort: number };
const log = createStackLog("outage-kafka", "warn");

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

it("completes an order accepted while Kafka was down, once Kafka is back", async () => {
  const before = await bakery.placeOrder([{ menuItemId: 5, quantity: 1 }]);
  await bakery.untilReady(before.id);

  await kafka.stop();
  const placed = await bakery.placeOrder([
    { menuItemId: 7, quantity: 1 },
    { menuItemId: 8, quantity: 1 },
  ]);
  expect(placed.status).toBe("PLACED");
  expect(await bakery.web.context.c.outbox.countDocuments({ _id: placed.id })).toBe(1);
  await new Promise((resolve) => setTimeout(resolve, 3000));
  expect((await bakery.web.order(placed.id)).status).toBe("PLACED");

  kafka = await startKafka({ ...ports, dataDir, log });
  const ready = await bakery.untilReady(placed.id, 120_000);
  expect(ready.items.map((item) => item.status)).toEqual(["READY", "READY"]);
  expect(await bakery.web.context.c.outbox.countDocuments({ _id: placed.id })).toBe(0);
}, 240_000);
