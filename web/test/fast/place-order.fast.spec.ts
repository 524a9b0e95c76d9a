import { beforeEach, describe, expect, it } from "vitest";
import { ApiError } from "@bakery/shared/api";
import type { OrderView } from "@bakery/shared/order";
import { POST as placeOrder } from "@/app/api/orders/route";
import { POST as placeLegacyOrder } from "@/app/api/order/route";
import { provideContext } from "@/server/context";
import { inMemoryBakery, type InMemoryBakery } from "./in-memory-context";

// The fast tier: the route handlers' validation, idempotency and error mapping against the
// in-memory order book, in milliseconds. What needs Kafka or the database is in test/*.int.spec.ts.
let bakery: InMemoryBakery;
beforeEach(() => {
  bakery = inMemoryBakery();
  provideContext(bakery.context);
});

const post = (body: unknown, headers: Record<string, string> = {}, raw?: string) =>
  placeOrder(
    new Request("http://bakery.test/api/orders", {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: raw ?? JSON.stringify(body),
    }),
  );
const tart = { customerName: "Ana", items: [{ menuItemId: 1, quantity: 2 }] };

async function errorOf(response: Response) {
  return ApiError.parse(await response.json()).error;
}

describe("placing an order, validated before anything is written", () => {
  it.each([
    ["no name", { ...tart, customerName: " " }, "customerName"],
    ["no items", { ...tart, items: [] }, "items"],
    ["a quantity of 0", { ...tart, items: [{ menuItemId: 1, quantity: 0 }] }, "items.0.quantity"],
    ["a fractional item id", { ...tart, items: [{ menuItemId: 1.5, quantity: 1 }] }, "items.0.menuItemId"],
    ["a Mongo operator for an id", { ...tart, items: [{ menuItemId: { $gt: 0 }, quantity: 1 }] }, "items.0.menuItemId"],
    ["an unknown field", { ...tart, price: 0 }, undefined],
  ])("refuses %s with 400 naming the field", async (_what, body, field) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe("VALIDATION");
    expect(error.field).toBe(field);
    expect(bakery.orders.size + bakery.outbox.size + bakery.keys.size).toBe(0);
  });

  it("refuses an item that is not on the menu with 422 and the line at fault", async () => {
    const response = await post({ ...tart, items: [tart.items[0], { menuItemId: 999, quantity: 1 }] });
    expect(response.status).toBe(422);
    expect(await errorOf(response)).toMatchObject({ code: "UNKNOWN_ITEM", field: "items.1.menuItemId" });
    expect(bakery.orders.size).toBe(0);
  });

  it("refuses an item the waiter knows is sold out with 409 SOLD_OUT, writing nothing", async () => {
    bakery.soldOut.add(1);
    const response = await post(tart);
    expect(response.status).toBe(409);
    expect(await errorOf(response)).toMatchObject({ code: "SOLD_OUT", field: "items.0.menuItemId" });
    expect(bakery.orders.size + bakery.outbox.size).toBe(0);
  });

  it("refuses a body that is not JSON, or not said to be, or too big", async () => {
    expect((await post(undefined, {}, "{not json")).status).toBe(400);
    expect((await post(tart, { "content-type": "text/plain" })).status).toBe(415);
    const huge = { ...tart, customerName: "A".repeat(20_000) };
    expect((await post(huge)).status).toBe(413);
    expect(bakery.orders.size).toBe(0);
  });

  it("refuses a malformed Idempotency-Key, naming the header", async () => {
    const response = await post(tart, { "idempotency-key": "no spaces allowed" });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).field).toBe("Idempotency-Key");
  });
});

describe("placing an order", () => {
  it("stores the outbox entry and the order, hands it to the dispatcher and answers 201 with the view", async () => {
    const response = await post(tart);
    expect(response.status).toBe(201);
    const view = (await response.json()) as OrderView;
    expect(response.headers.get("location")).toBe(`/api/orders/${view.id}`);
    expect(view).toMatchObject({ status: "PLACED", customerName: "Ana" });
    expect(view.items).toHaveLength(2);
    expect([...bakery.outbox.keys()]).toEqual([view.id]);
    expect([...bakery.orders.keys()]).toEqual([view.id]);
    expect(bakery.outbox.get(view.id)?.messages).toHaveLength(2);
    expect(bakery.dispatched).toEqual([view.id]);
  });

  it("draws another pickup code when today's is taken", async () => {
    bakery.collideNextOrders(2);
    const response = await post(tart);
    expect(response.status).toBe(201);
    expect(bakery.orders.size).toBe(1);
  });

  it("answers 503 UNAVAILABLE, in the one error shape, when the order cannot be stored", async () => {
    bakery.failWrites(new Error("connection refused"));
    const response = await post(tart);
    expect(response.status).toBe(503);
    expect((await errorOf(response)).code).toBe("UNAVAILABLE");
    expect(bakery.dispatched).toEqual([]);
  });
});

describe("what one address may cost", () => {
  it("answers 429 with Retry-After past the orders per minute, and stores nothing more", async () => {
    const from = { "x-forwarded-for": "203.0.113.9" };
    for (let i = 0; i < 30; i++) expect((await post(tart, from)).status).toBe(201);
    const refused = await post(tart, from);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await errorOf(refused)).code).toBe("RATE_LIMITED");
    expect(bakery.orders.size).toBe(30);
  });
});

describe("retries under one Idempotency-Key", () => {
  const key = { "idempotency-key": "order-2026-12-02-ana" };

  it("replay the first answer: same order, marked replayed, stored and dispatched once", async () => {
    const first = (await (await post(tart, key)).json()) as OrderView;
    const again = await post(tart, key);
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(((await again.json()) as OrderView).id).toBe(first.id);
    expect(bakery.orders.size).toBe(1);
    expect(bakery.dispatched).toEqual([first.id]);
  });

  it("make one order of ten concurrent requests", async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, () => post(tart, key)));
    const ids = new Set<string>();
    for (const answer of answers) {
      // A request that finds the key reserved but the order not yet written is told to retry.
      if (answer.status === 409) expect((await errorOf(answer)).code).toBe("CONFLICT");
      else ids.add(((await answer.json()) as OrderView).id);
    }
    expect(ids.size).toBe(1);
    expect(bakery.orders.size).toBe(1);
  });

  it("refuse a different order under a used key with 409, keeping the first", async () => {
    await post(tart, key);
    const other = await post({ ...tart, customerName: "Bia" }, key);
    expect(other.status).toBe(409);
    expect((await errorOf(other)).code).toBe("CONFLICT");
    expect([...bakery.orders.values()].map((order) => order.customerName)).toEqual(["Ana"]);
  });

  it("finish an order whose first attempt reserved the key and then failed", async () => {
    bakery.failWrites(new Error("timeout"));
    const hurt = await post(tart, key);
    bakery.failWrites(undefined);
    // The key claim failed too (same outage): the retry simply places the order.
    expect(hurt.status).toBe(503);
    const retry = await post(tart, key);
    expect(retry.status).toBe(201);
    expect(bakery.orders.size).toBe(1);
  });
});

describe("the original contract's POST /api/order", () => {
  const legacy = (body: unknown) =>
    placeLegacyOrder(
      new Request("http://bakery.test/api/order", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      }),
    );

  it("answers rows PENDING for a new order, under the client's number", async () => {
    const response = await legacy({ orderId: 7, items: [{ id: 1, type: "FOOD" }] });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual([{ order_id: 7, item_id: 1, status: "PENDING" }]);
    expect([...bakery.keys.keys()]).toEqual(["legacy:7"]);
  });

  it("refuses an item named with the wrong type, naming the line", async () => {
    const response = await legacy({ orderId: 8, items: [{ id: 1, type: "DRINK" }] });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).field).toBe("items.0.type");
    expect(bakery.orders.size).toBe(0);
  });
});
