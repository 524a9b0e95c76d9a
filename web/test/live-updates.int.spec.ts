import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isOrderEvent, type OrderUpdate } from "@bakery/shared/events";
import type { OrderView } from "@bakery/shared/order";
import { applyEvent } from "@bakery/shared/order-projection";
import { startBakery, type Bakery } from "./harness/bakery";
import { readEvents } from "./harness/sse-reader";
import { waitFor } from "./harness/wait-for";

let bakery: Bakery;
beforeAll(async () => {
  bakery = await startBakery({ env: { STAFF_PASSWORD: "test-staff-password" } });
});
afterAll(async () => {
  await bakery?.close();
});

/** Follows a customer's stream the way the tracking page does, until `until` holds. */
async function followOrder(orderId: string, until: (view: OrderView) => boolean, signal?: AbortSignal) {
  const response = await bakery.web.respond("GET", `/api/orders/${orderId}/events`, { signal });
  expect(response.headers.get("content-type")).toContain("text/event-stream");
  let view: OrderView | undefined;
  const kinds: string[] = [];
  for await (const message of readEvents(response)) {
    kinds.push(message.event);
    if (message.event === "snapshot") view = message.data as OrderView;
    else if (view && message.event === "update") {
      const update = message.data as OrderUpdate;
      if (isOrderEvent(update)) view = applyEvent(view, update);
    }
    if (view && until(view)) break;
  }
  return { view: view as OrderView, kinds };
}

async function signIn(): Promise<string> {
  const response = await bakery.web.call("POST", "/api/staff/session", { body: { password: "test-staff-password" } });
  expect(response.status).toBe(204);
  const cookie = response.headers.get("set-cookie") ?? "";
  expect(cookie).toContain("HttpOnly");
  return cookie.split(";")[0] as string;
}

describe("live updates over server-sent events", () => {
  it("streams a snapshot, then every update until the order is READY", async () => {
    const placed = await bakery.placeOrder([
      { menuItemId: 1, quantity: 1 },
      { menuItemId: 2, quantity: 1 },
    ]);
    const { view, kinds } = await followOrder(placed.id, (v) => v.status === "READY");
    expect(kinds[0]).toBe("snapshot");
    expect(view.items.every((item) => item.status === "READY")).toBe(true);
    expect(await bakery.web.order(placed.id)).toEqual(view);
  });

  it("starts from a fresh snapshot after a dropped connection, missing nothing", async () => {
    const placed = await bakery.placeOrder([{ menuItemId: 6, quantity: 1 }]);
    const dropped = new AbortController();
    await followOrder(placed.id, (v) => v.status !== "PLACED", dropped.signal);
    dropped.abort();
    await bakery.untilReady(placed.id);
    const { view, kinds } = await followOrder(placed.id, (v) => v.status === "READY");
    expect(kinds).toEqual(["snapshot"]);
    expect(view.status).toBe("READY");
  });

  it("releases its subscription when the browser goes away", async () => {
    const placed = await bakery.placeOrder([{ menuItemId: 5, quantity: 1 }]);
    const feed = bakery.web.context.feed;
    const gone = new AbortController();
    const response = await bakery.web.respond("GET", `/api/orders/${placed.id}/events`, { signal: gone.signal });
    const reader = readEvents(response);
    await reader.next();
    expect(feed.listeners(placed.id)).toBe(1);
    gone.abort();
    await reader.return(undefined);
    await waitFor("the subscription released", async () => feed.listeners(placed.id) === 0);
  });

  it("answers 404 for the stream of an order that does not exist", async () => {
    expect((await bakery.web.respond("GET", "/api/orders/made-up/events")).status).toBe(404);
  });
});

describe("staff", () => {
  it("refuses the staff APIs without a session, and a wrong password", async () => {
    expect((await bakery.web.call("GET", "/api/staff/board")).status).toBe(401);
    expect((await bakery.web.respond("GET", "/api/staff/events")).status).toBe(401);
    expect(
      (await bakery.web.call("GET", "/api/staff/board", { headers: { cookie: "bakery_staff=9999999999999.forged" } }))
        .status,
    ).toBe(401);
    const wrong = await bakery.web.call("POST", "/api/staff/session", { body: { password: "guess" } });
    expect(wrong.status).toBe(401);
    expect(wrong.json).toMatchObject({ error: { code: "UNAUTHORIZED", field: "password" } });
  });

  it("sees an order on the board, collects it once READY, and the customer sees COLLECTED live", async () => {
    const cookie = await signIn();
    const placed = await bakery.placeOrder([{ menuItemId: 3, quantity: 1 }]);
    const board = (await bakery.web.call("GET", "/api/staff/board", { headers: { cookie } })).json as {
      orders: OrderView[];
    };
    expect(board.orders.map((order) => order.id)).toContain(placed.id);

    const early = await bakery.web.call("POST", `/api/staff/orders/${placed.id}/collect`, { headers: { cookie } });
    if ((await bakery.web.order(placed.id)).status !== "READY") expect(early.status).toBe(409);

    await bakery.untilReady(placed.id);
    const customer = followOrder(placed.id, (v) => v.status === "COLLECTED");
    await new Promise((resolve) => setTimeout(resolve, 200));
    const collected = await bakery.web.call("POST", `/api/staff/orders/${placed.id}/collect`, { headers: { cookie } });
    expect(collected.status).toBe(200);
    expect((collected.json as OrderView).status).toBe("COLLECTED");
    expect((await customer).view.status).toBe("COLLECTED");
    const again = await bakery.web.call("POST", `/api/staff/orders/${placed.id}/collect`, { headers: { cookie } });
    expect(again.status).toBe(409);
    expect((await bakery.web.call("POST", `/api/staff/orders/${placed.id}/collect`)).status).toBe(401);
  });

  it("streams new orders and their progress to the dashboard", async () => {
    const cookie = await signIn();
    const response = await bakery.web.respond("GET", "/api/staff/events", { headers: { cookie } });
    const stream = readEvents(response);
    const first = await stream.next();
    expect(first.value?.event).toBe("snapshot");
    const placed = await bakery.placeOrder([{ menuItemId: 8, quantity: 1 }]);
    const seen: string[] = [];
    for await (const message of stream) {
      const update = message.data as OrderUpdate;
      if ("orderId" in update && update.orderId === placed.id) seen.push(update.type);
      if ("orderId" in update && update.orderId === placed.id && update.type === "ItemReady") break;
    }
    expect(seen).toEqual(["OrderPlaced", "ItemQueued", "ItemStarted", "ItemReady"]);
  });
});
