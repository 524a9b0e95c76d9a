import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Kafka, logLevel } from "kafkajs";
import type { OrderView } from "@bakery/shared/order";
import { startBakery, type Bakery } from "./harness/bakery";
import { waitFor } from "./harness/wait-for";

let bakery: Bakery;
beforeAll(async () => {
  bakery = await startBakery();
});
afterAll(async () => {
  await bakery?.close();
});

const itemEvents = (view: OrderView, itemId: string) =>
  view.timeline.filter((entry) => entry.itemId === itemId).map((entry) => entry.type);

describe("the saga end to end", () => {
  it("brings a mixed order to READY with a timeline of every step", async () => {
    const placed = await bakery.placeOrder([
      { menuItemId: 1, quantity: 1 },
      { menuItemId: 7, quantity: 1 },
      { menuItemId: 2, quantity: 1 },
    ]);
    expect(placed.status).toBe("PLACED");
    expect(placed.pickupCode).toMatch(/^[A-Z0-9]{4}$/);
    expect(placed.items.map((item) => [item.name, item.station])).toEqual([
      ["Batata Frita", "KITCHEN"],
      ["Pizza", "KITCHEN"],
      ["Coca", "BAR"],
    ]);
    expect(Date.parse(placed.eta)).toBeGreaterThan(Date.parse(placed.placedAt));

    const ready = await bakery.untilReady(placed.id);
    for (const item of ready.items) {
      expect(item.status).toBe("READY");
      expect(itemEvents(ready, item.itemId)).toEqual(["ItemQueued", "ItemStarted", "ItemReady"]);
    }
    const orderSteps = ready.timeline.filter((entry) => !entry.itemId).map((entry) => entry.type);
    expect(orderSteps).toEqual(["OrderPlaced", "OrderInPreparation", "OrderReady"]);
    const times = ready.timeline.map((entry) => Date.parse(entry.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(ready.readyAt).toBe(ready.eta);
  });

  it("brings a foods-only and a drinks-only order to READY", async () => {
    const foods = await bakery.placeOrder([{ menuItemId: 5, quantity: 2 }]);
    const drinks = await bakery.placeOrder([
      { menuItemId: 8, quantity: 1 },
      { menuItemId: 4, quantity: 1 },
    ]);
    const [foodsReady, drinksReady] = await Promise.all([bakery.untilReady(foods.id), bakery.untilReady(drinks.id)]);
    expect(foodsReady.items.every((item) => item.station === "KITCHEN" && item.status === "READY")).toBe(true);
    expect(drinksReady.items.every((item) => item.station === "BAR" && item.status === "READY")).toBe(true);
  });

  it("keeps two identical items as two items", async () => {
    const placed = await bakery.placeOrder([{ menuItemId: 3, quantity: 2 }]);
    expect(placed.items).toHaveLength(2);
    const ready = await bakery.untilReady(placed.id);
    expect(new Set(ready.items.map((item) => item.itemId)).size).toBe(2);
    expect(ready.timeline.filter((entry) => entry.type === "ItemReady")).toHaveLength(2);
  });

  it("gives the ETA of the latest item, from the station's queue", async () => {
    const placed = await bakery.placeOrder([
      { menuItemId: 6, quantity: 1 },
      { menuItemId: 8, quantity: 1 },
    ]);
    const queued = await waitFor("both items queued", async () => {
      const view = await bakery.web.order(placed.id);
      return view.items.every((item) => item.queuedAt) ? view : undefined;
    });
    const latest = Math.max(...queued.items.map((item) => Date.parse(item.expectedReadyAt)));
    if (queued.status !== "READY") expect(Date.parse(queued.eta)).toBe(latest);
    // Torta de limão takes 8 s, Pitu 1 s: the order is ready when the tart is.
    const ready = await bakery.untilReady(placed.id);
    const tart = ready.items.find((item) => item.menuItemId === 6);
    expect(ready.readyAt).toBe(tart?.readyAt);
  });

  it("changes nothing when a balcony message arrives twice", async () => {
    const placed = await bakery.placeOrder([{ menuItemId: 5, quantity: 1 }]);
    const ready = await bakery.untilReady(placed.id);
    const kafka = new Kafka({ brokers: bakery.env.KAFKA_BROKERS!.split(","), logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: `copy-${placed.id}` });
    await consumer.connect();
    await consumer.subscribe({ topic: bakery.env.TOPIC_BALCONY!, fromBeginning: true });
    const copies: { key: string; value: string }[] = [];
    await consumer.run({
      eachMessage: async ({ message }) => {
        if (message.key?.toString() === placed.id) copies.push({ key: placed.id, value: message.value!.toString() });
      },
    });
    await waitFor("the order's balcony messages", async () => copies.length >= 3);
    await consumer.disconnect();
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic: bakery.env.TOPIC_BALCONY!, messages: copies });
    await producer.disconnect();
    // Give the projector time to see the copies, then compare.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const after = await bakery.web.order(placed.id);
    expect(after).toEqual(ready);
  });
});

describe("the original contract", () => {
  it("serves the menu with id, name and type", async () => {
    const menu = await bakery.web.call("GET", "/api/menu");
    expect(menu.status).toBe(200);
    const items = menu.json as { id: number; name: string; type: string }[];
    expect(items).toHaveLength(8);
    expect(items.find((item) => item.id === 6)).toMatchObject({ name: "Torta de limão", type: "FOOD" });
    expect(items.filter((item) => item.type === "DRINK").map((item) => item.id)).toEqual([2, 4, 8]);
  });

  it("places an order by number and reports PENDING, then DONE, per item", async () => {
    const body = {
      orderId: 1,
      items: [
        { id: 1, type: "FOOD" },
        { id: 2, type: "DRINK" },
        { id: 2, type: "DRINK" },
      ],
    };
    const placed = await bakery.web.call("POST", "/api/order", { body });
    expect(placed.status).toBe(201);
    expect(placed.json).toEqual([
      { order_id: 1, item_id: 1, status: "PENDING" },
      { order_id: 1, item_id: 2, status: "PENDING" },
      { order_id: 1, item_id: 2, status: "PENDING" },
    ]);
    const done = await waitFor("legacy order DONE", async () => {
      const rows = (await bakery.web.call("GET", "/api/order?orderId=1")).json as { status: string }[];
      return rows.every((row) => row.status === "DONE") ? rows : undefined;
    });
    expect(done).toHaveLength(3);

    const retry = await bakery.web.call("POST", "/api/order", { body });
    expect(retry.status).toBe(200);
    expect(retry.json).toEqual(done);
    const conflicting = await bakery.web.call("POST", "/api/order", {
      body: { orderId: 1, items: [{ id: 3, type: "FOOD" }] },
    });
    expect(conflicting.status).toBe(409);
    expect(await bakery.web.context.c.orders.countDocuments({ legacyOrderId: 1 })).toBe(1);
  });

  it("answers 404 for an unknown order number and 400 for a malformed one", async () => {
    expect((await bakery.web.call("GET", "/api/order?orderId=424242")).status).toBe(404);
    const malformed = await bakery.web.call("GET", "/api/order?orderId=abc");
    expect(malformed.status).toBe(400);
    expect(malformed.json).toMatchObject({ error: { field: "orderId" } });
    expect(
      (await bakery.web.call("POST", "/api/order", { body: { orderId: 2, items: [{ id: 2, type: "FOOD" }] } })).json,
    ).toMatchObject({ error: { field: "items.0.type" } });
  });
});

describe("idempotent retries", () => {
  it("returns the same order for the same key and body, and 409 for another body", async () => {
    const headers = { "idempotency-key": `retry-${Date.now()}` };
    const body = { customerName: "Bia", items: [{ menuItemId: 7, quantity: 1 }] };
    const first = await bakery.web.call("POST", "/api/orders", { body, headers });
    const again = await bakery.web.call("POST", "/api/orders", {
      body: { items: body.items, customerName: "Bia" },
      headers,
    });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    const firstOrder = first.json as OrderView;
    expect((again.json as OrderView).id).toBe(firstOrder.id);
    const other = await bakery.web.call("POST", "/api/orders", { body: { ...body, customerName: "Carla" }, headers });
    expect(other.status).toBe(409);
    expect(await bakery.web.context.c.orders.countDocuments({ customerName: { $in: ["Bia", "Carla"] } })).toBe(1);
    const ready = await bakery.untilReady(firstOrder.id);
    expect(ready.items).toHaveLength(1);
  });
});

describe("bad requests", () => {
  const cases: [
    string,
    { body?: unknown; rawBody?: string; headers?: Record<string, string> },
    number,
    string | undefined,
  ][] = [
    [
      "a name that is not a string",
      { body: { customerName: 5, items: [{ menuItemId: 1, quantity: 1 }] } },
      400,
      "customerName",
    ],
    [
      "a Mongo operator as the name",
      { body: { customerName: { $gt: "" }, items: [{ menuItemId: 1, quantity: 1 }] } },
      400,
      "customerName",
    ],
    [
      "a Mongo operator as the item",
      { body: { customerName: "A", items: [{ menuItemId: { $ne: null }, quantity: 1 }] } },
      400,
      "items.0.menuItemId",
    ],
    [
      "an unknown item",
      { body: { customerName: "A", items: [{ menuItemId: 99, quantity: 1 }] } },
      422,
      "items.0.menuItemId",
    ],
    [
      "a quantity of 0",
      { body: { customerName: "A", items: [{ menuItemId: 1, quantity: 0 }] } },
      400,
      "items.0.quantity",
    ],
    [
      "a quantity of 21",
      { body: { customerName: "A", items: [{ menuItemId: 1, quantity: 21 }] } },
      400,
      "items.0.quantity",
    ],
    [
      "a fractional quantity",
      { body: { customerName: "A", items: [{ menuItemId: 1, quantity: 1.5 }] } },
      400,
      "items.0.quantity",
    ],
    ["no items", { body: { customerName: "A", items: [] } }, 400, "items"],
    [
      "an extra field",
      { body: { customerName: "A", items: [{ menuItemId: 1, quantity: 1 }], discount: 100 } },
      400,
      undefined,
    ],
    [
      "an extra field in an item",
      { body: { customerName: "A", items: [{ menuItemId: 1, quantity: 1, priceCents: 0 }] } },
      400,
      "items.0",
    ],
    ["a blank name", { body: { customerName: "   ", items: [{ menuItemId: 1, quantity: 1 }] } }, 400, "customerName"],
    ["broken JSON", { rawBody: '{"customerName":', headers: { "content-type": "application/json" } }, 400, undefined],
    [
      "a form body",
      { rawBody: "customerName=A", headers: { "content-type": "application/x-www-form-urlencoded" } },
      415,
      undefined,
    ],
    [
      "a body over 16 KiB",
      { body: { customerName: "A".repeat(20_000), items: [{ menuItemId: 1, quantity: 1 }] } },
      413,
      undefined,
    ],
    [
      "a bad idempotency key",
      { body: { customerName: "A", items: [{ menuItemId: 1, quantity: 1 }] }, headers: { "idempotency-key": "x" } },
      400,
      "Idempotency-Key",
    ],
  ];

  it.each(cases)("refuses %s with a clear error and stores nothing", async (_name, request, status, field) => {
    const before = await bakery.web.context.c.orders.countDocuments();
    const outboxBefore = await bakery.web.context.c.outbox.countDocuments();
    const response = await bakery.web.call("POST", "/api/orders", request);
    expect(response.status).toBe(status);
    const error = (response.json as { error: { code: string; message: string; field?: string } }).error;
    expect(error.message.length).toBeGreaterThan(3);
    if (field) expect(error.field).toBe(field);
    expect(await bakery.web.context.c.orders.countDocuments()).toBe(before);
    expect(await bakery.web.context.c.outbox.countDocuments()).toBeLessThanOrEqual(outboxBefore);
  });

  it("answers 404 for an order that does not exist, revealing nothing", async () => {
    const response = await bakery.web.call("GET", "/api/orders/not-a-real-order-id");
    expect(response.status).toBe(404);
    expect(response.json).toEqual({ error: { code: "NOT_FOUND", message: "No such order" } });
  });
});
