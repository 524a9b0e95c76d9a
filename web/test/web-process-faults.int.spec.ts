import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OrderCollected } from "@bakery/shared/events";
import { createKafka } from "@bakery/shared/kafka";
import { createLogger } from "@bakery/shared/logger";
import { buildOrder } from "@/server/build-order";
import { startBakery, type Bakery } from "./harness/bakery";
import { waitFor } from "./harness/wait-for";

const health = async () => {
  const response = await (await import("@/app/api/health/route")).GET(new Request("http://bakery.test/api/health"));
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
};
const log = createLogger("error", { service: "test" });

// Faults of one web process: its outbox, its event streams, its live feed and its health.
let bakery: Bakery;
beforeAll(async () => {
  bakery = await startBakery();
});
afterAll(async () => {
  await bakery?.close();
});

describe("the outbox", () => {
  it("sends an order whose row was written after the sweeper first saw its outbox entry", async () => {
    const ctx = bakery.web.context;
    const orderId = `slow-row-${Date.now()}`;
    const built = buildOrder({
      orderId,
      pickupCode: "WXYZ",
      customerName: "Slow",
      lines: [{ menuItemId: 5, quantity: 1 }],
      menu: await ctx.menu.current(),
      now: Date.now(),
      prepTimeScale: 0.05,
    });
    // The writer's clock runs a minute behind, and its batched order insert is still on its way.
    await ctx.c.outbox.insertOne({ _id: orderId, createdAt: new Date(Date.now() - 60_000), messages: built.messages });
    await ctx.dispatcher.sweep();
    const { id, ...rest } = built.record;
    await ctx.c.orders.insertOne({ _id: id, pickupKey: `slow:${id}`, ...rest });
    // The request's own hand-over failed (Kafka down at that moment): only the sweeper can send it now.
    await ctx.dispatcher.sweep();
    expect((await bakery.untilReady(orderId, 20_000)).status).toBe("READY");
  });
});

describe("event streams", () => {
  it("releases every stream whose client leaves within 5 ms, even while its snapshot is read", async () => {
    const placed = await bakery.placeOrder([{ menuItemId: 5, quantity: 1 }]);
    const feed = bakery.web.context.feed;
    const clients = Array.from({ length: 300 }, async (_, i) => {
      const gone = new AbortController();
      setTimeout(() => gone.abort(), i % 6);
      try {
        await bakery.web.respond("GET", `/api/orders/${placed.id}/events`, { signal: gone.signal });
      } catch {
        // a client that left before the answer
      }
    });
    await Promise.all(clients);
    await waitFor("every stream released", async () => feed.listeners() === 0, 5000);
    const answer = await health();
    expect((answer.json as { streams: number }).streams).toBe(0);
  });
});

describe("the live feed", () => {
  it("keeps delivering updates after malformed messages on order-updates", async () => {
    const ctx = bakery.web.context;
    const producer = createKafka({ brokers: bakery.env.KAFKA_BROKERS!.split(","), clientId: "poison", log }).producer();
    await producer.connect();
    const seen: string[] = [];
    const unsubscribe = ctx.feed.subscribe("*", (update) => "orderId" in update && seen.push(update.orderId));
    const update = (orderId: string): string =>
      JSON.stringify(
        OrderCollected.parse({
          id: `${orderId}.collected`,
          type: "OrderCollected",
          version: 1,
          occurredAt: new Date().toISOString(),
          orderId,
          data: {},
        }),
      );
    const partitions = Array.from({ length: Number(bakery.env.TOPIC_PARTITIONS ?? 6) }, (_, p) => p);
    try {
      // The feed starts at the topic's end: first see it deliver, so the messages below come after its start.
      const placed = await bakery.placeOrder([{ menuItemId: 6, quantity: 1 }]);
      await waitFor("the feed delivering", async () => seen.includes(placed.id), 15_000);
      // On every partition: not JSON, the wrong shape, an update for an order id EventEmitter reserves, then a good update.
      await producer.send({
        topic: ctx.topics.orderUpdates,
        messages: partitions.flatMap((partition) => [
          { partition, key: "x", value: "not json {" },
          { partition, key: "y", value: JSON.stringify({ type: "Nope" }) },
          { partition, key: "error", value: update("error") },
          { partition, key: `after-${partition}`, value: update(`after-${partition}`) },
        ]),
      });
      await waitFor(
        "the good updates behind the bad ones",
        async () => partitions.every((partition) => seen.includes(`after-${partition}`)),
        15_000,
      );
    } finally {
      unsubscribe();
      await producer.disconnect();
    }
  }, 30_000);
});

describe("GET /api/health", () => {
  it("answers 200 naming what it checked while everything runs", async () => {
    const answer = await health();
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ status: "ok", checks: { database: "ok", kafka: "ok" } });
  });

  it("answers 503 with the reason when a consumer of the process stopped", async () => {
    await bakery.web.context.feed.stop();
    const answer = await health();
    expect(answer.status).toBe(503);
    expect(JSON.stringify(answer.json)).toContain("order feed");
  });
});
