import { randomBytes, randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { Kafka, logLevel } from "kafkajs";
import { MENU_SEED } from "@bakery/shared/menu";
import type { KafkaCeilingRequest, KafkaCeilingResult } from "../load/load-protocol";
import { BENCH_ORDER, ITEMS_PER_ORDER } from "../load/order-client";
import { summarize } from "../report/percentiles";
import { buildBareOrder, orderPlacedOf } from "./raw-messages";
import { createRawSender } from "./raw-producer";
import { startReadyFeed } from "../load/ready-feed";
import { createReadyTracker } from "../load/ready-tracker";

const menu = new Map(MENU_SEED.map((item) => [item.id, item]));

/**
 * The raw-Kafka ceiling, waiter and customer side: orders go out as the product's
 * dispatcher sends them (ItemOrdered to foods and drinks, OrderPlaced to order-updates,
 * acks = all, micro-batched), relay processes (kafka-relay.ts) play the stations and the
 * projector, and READY is seen on order-updates as in the e2e test. Closed loop: a fixed
 * number of orders is kept in flight, so the figure is the pipeline's maximum throughput.
 */
export async function runKafkaCeiling(
  deps: { now: () => number; progress: (line: string) => void },
  req: KafkaCeilingRequest,
): Promise<KafkaCeilingResult> {
  const kafka = new Kafka({ clientId: "bench-ceiling", brokers: req.brokers, logLevel: logLevel.WARN });
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  const sender = createRawSender(producer);
  const latencies: number[] = [];
  let sent = 0;
  let completed = 0;
  let measuring = false;
  let sending = true;

  const sendOrder = () => {
    const orderId = randomBytes(16).toString("base64url");
    const order = buildBareOrder({
      orderId,
      customerName: BENCH_ORDER.customerName,
      lines: BENCH_ORDER.items,
      menu,
      now: Date.now(),
      pickupCode: "ACDE",
    });
    if (!order) throw new Error("the bench order is not on the menu");
    tracker.placed(orderId, ITEMS_PER_ORDER, deps.now());
    sent++;
    const [food, drink] = order.messages;
    void Promise.all([
      sender.send({ topic: req.topics.foods, key: orderId, value: JSON.stringify(food) }),
      sender.send({ topic: req.topics.drinks, key: orderId, value: JSON.stringify(drink) }),
      sender.send({ topic: req.topics.orderUpdates, key: orderId, value: JSON.stringify(orderPlacedOf(order.record)) }),
    ]).catch(() => undefined);
  };
  const tracker = createReadyTracker((c) => {
    if (measuring) {
      completed++;
      latencies.push(c.readyAt - c.sentAt);
    }
    if (sending) sendOrder();
  });
  const feed = await startReadyFeed({
    kafka,
    topic: req.topics.orderUpdates,
    groupId: `bench-ceiling-${randomUUID()}`,
    onItemReady: (orderId, itemId) => tracker.itemReady(orderId, itemId, deps.now()),
  });
  try {
    for (let i = 0; i < req.window; i++) sendOrder();
    await sleep(req.warmMs);
    measuring = true;
    const started = deps.now();
    await sleep(req.durationMs);
    measuring = false;
    const elapsed = deps.now() - started;
    sending = false;
    return { throughput: completed / (elapsed / 1000), completed, sent, e2e: summarize(latencies) };
  } finally {
    sending = false;
    await feed.stop();
    await producer.disconnect();
  }
}
