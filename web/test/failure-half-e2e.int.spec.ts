import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectMongo } from "@bakery/shared/mongo";
import { isOrderEvent, type OrderUpdate } from "@bakery/shared/events";
import type { MenuEntry } from "@bakery/shared/api";
import type { OrderView } from "@bakery/shared/order";
import { applyEvent } from "@bakery/shared/order-projection";
import { summarizeBoard } from "@bakery/shared/staff-board";
import { startBakery, type Bakery } from "./harness/bakery";
import { readEvents } from "./harness/sse-reader";
import { waitFor } from "./harness/wait-for";

// The failure half end to end: the waiter with the real kitchen and bar workers.
let bakery: Bakery;
let cookie: string;
beforeAll(async () => {
  bakery = await startBakery({ env: { STAFF_PASSWORD: "test-staff-password", DECISION_TIMEOUT_S: "60" } });
  const session = await bakery.web.call("POST", "/api/staff/session", { body: { password: "test-staff-password" } });
  cookie = (session.headers.get("set-cookie") ?? "").split(";")[0] as string;
});
afterAll(async () => {
  await bakery?.close();
});

const FINAL = ["READY", "COLLECTED", "CANCELLED"];
const until = (orderId: string, what: string, done: (view: OrderView) => boolean, timeoutMs = 30_000) =>
  waitFor(
    `order ${orderId}: ${what}`,
    async () => {
      const view = await bakery.web.order(orderId);
      return done(view) ? view : undefined;
    },
    timeoutMs,
    200,
  );
const staff = (method: string, path: string, body?: unknown) =>
  bakery.web.call(method, path, { headers: { cookie }, ...(body === undefined ? {} : { body }) });

/** The order as its customer's page sees it: the stream's snapshot folded with its updates, until `done`. */
async function followOrder(orderId: string, done: (view: OrderView) => boolean): Promise<OrderView> {
  const response = await bakery.web.respond("GET", `/api/orders/${orderId}/events`);
  let view: OrderView | undefined;
  for await (const message of readEvents(response)) {
    if (message.event === "snapshot") view = message.data as OrderView;
    else if (view && isOrderEvent(message.data as OrderUpdate)) view = applyEvent(view, message.data as never);
    if (view && done(view)) break;
  }
  return view as OrderView;
}

/** The kitchen's own record of each item's one outcome. */
async function kitchenOutcomes(): Promise<Map<string, string>> {
  const { client, db } = await connectMongo(bakery.env.MONGODB_URL ?? "", bakery.env.KITCHEN_DB ?? "");
  try {
    const docs = await db.collection<{ _id: string; outcome: string }>("completions").find({}).toArray();
    return new Map(docs.map((doc) => [doc._id, doc.outcome]));
  } finally {
    await client.close();
  }
}

describe("the failure half with the real stations", () => {
  it("runs out of an item after the order was taken; the customer substitutes it and gets the rest", async () => {
    expect((await staff("PUT", "/api/staff/stock/6", { portions: 1 })).status).toBe(202);
    await waitFor("the kitchen applied the stock", async () => {
      const body = (await staff("GET", "/api/staff/stations")).json as {
        stock: { menuItemId: number; portions: number | null }[];
      };
      return body.stock.some((line) => line.menuItemId === 6 && line.portions === 1);
    });
    const placed = await bakery.placeOrder([
      { menuItemId: 6, quantity: 2 },
      { menuItemId: 2, quantity: 1 },
    ]);
    const waiting = await until(placed.id, "NEEDS_ACTION", (view) => view.status === "NEEDS_ACTION");
    const unavailable = waiting.items.find((item) => item.status === "UNAVAILABLE");
    expect(unavailable).toMatchObject({ menuItemId: 6, unavailableReason: "SOLD_OUT" });
    // The last portion is gone: the menu says so, and a new order for it is refused at once.
    await waitFor("item 6 greyed out", async () => {
      const menu = (await bakery.web.call("GET", "/api/menu")).json as MenuEntry[];
      return menu.find((item) => item.id === 6)?.available === false;
    });
    const refused = await bakery.web.call("POST", "/api/orders", {
      body: { customerName: "Bo", items: [{ menuItemId: 6, quantity: 1 }] },
    });
    expect(refused.json).toMatchObject({ error: { code: "SOLD_OUT", field: "items.0.menuItemId" } });
    const soldOutSubstitute = await bakery.web.call(
      "POST",
      `/api/orders/${placed.id}/items/${unavailable?.itemId}/decision`,
      { body: { action: "substitute", menuItemId: 6 } },
    );
    expect(soldOutSubstitute.json).toMatchObject({ error: { code: "SOLD_OUT", field: "menuItemId" } });

    const customer = followOrder(placed.id, (view) => view.status === "READY");
    const decided = await bakery.web.call("POST", `/api/orders/${placed.id}/items/${unavailable?.itemId}/decision`, {
      body: { action: "substitute", menuItemId: 3 },
    });
    expect(decided.status).toBe(200);
    const ready = await bakery.untilReady(placed.id);
    expect(await customer).toEqual(ready);
    expect(ready.items.map((item) => [item.menuItemId, item.status])).toEqual([
      [6, "READY"],
      [6, "CANCELLED"],
      [2, "READY"],
      [3, "READY"],
    ]);
    const price = (menuItemId: number) => ready.items.find((item) => item.menuItemId === menuItemId)?.priceCents ?? 0;
    expect(ready.bill).toMatchObject({
      chargedCents: price(6) + price(2) + price(3),
      refundedCents: price(6),
      pendingCents: 0,
    });
    const board = (await staff("GET", "/api/staff/board")).json as { orders: OrderView[] };
    expect(board.orders.find((order) => order.id === placed.id)?.status).toBe("READY");
  });

  it("gives a cancel racing the cook one answer, the same in the API, the stream, the board and the kitchen", async () => {
    const races = 50;
    const orders = await Promise.all(
      Array.from({ length: races }, () => bakery.placeOrder([{ menuItemId: 1, quantity: 1 }], "Cy")),
    );
    const answers = await Promise.all(
      orders.map(async (order, i) => {
        await new Promise((resolve) => setTimeout(resolve, i * 10));
        return bakery.web.call("POST", `/api/orders/${order.id}/cancel`);
      }),
    );
    const finals = await Promise.all(
      orders.map((order) => until(order.id, "a final status", (view) => FINAL.includes(view.status))),
    );
    const outcomes = await kitchenOutcomes();
    const board = (await staff("GET", "/api/staff/board")).json as { orders: OrderView[] };
    const open = summarizeBoard(board.orders, Date.now());
    const onBoard = [...open.inPreparation, ...open.readyForPickup];
    const seen = { withdrawn: 0, made: 0 };
    for (const [i, view] of finals.entries()) {
      const item = view.items[0];
      expect(await followOrder(view.id, (v) => FINAL.includes(v.status))).toEqual(view);
      if (view.status === "CANCELLED") {
        seen.withdrawn++;
        expect(answers[i]?.status).toBe(200);
        expect(item).toMatchObject({ status: "CANCELLED", cancelReason: "CUSTOMER_CANCELLED" });
        expect(outcomes.get(item?.itemId ?? "")).toBe("WITHDRAWN");
        expect(onBoard.some((order) => order.id === view.id)).toBe(false);
        expect(board.orders.find((order) => order.id === view.id)?.status).toBe("CANCELLED");
        expect(view.bill).toMatchObject({ chargedCents: 0, refundedCents: item?.priceCents });
      } else {
        seen.made++;
        expect(view.status).toBe("READY");
        if (answers[i]?.status !== 200) expect(answers[i]?.json).toMatchObject({ error: { code: "TOO_LATE" } });
        expect(outcomes.get(item?.itemId ?? "")).toBe("READY");
        expect(onBoard.find((order) => order.id === view.id)?.items[0]?.status).toBe("READY");
        expect(view.bill).toMatchObject({ chargedCents: item?.priceCents, refundedCents: 0 });
      }
    }
    expect(seen.withdrawn + seen.made).toBe(races);
  });

  it("keeps a paused station's order waiting and late, and finishes it after the resume", async () => {
    const stations = async () =>
      (await staff("GET", "/api/staff/stations")).json as { stations: { BAR: { paused: boolean } } };
    expect((await staff("POST", "/api/staff/stations/BAR/pause")).status).toBe(202);
    await waitFor("the bar paused", async () => (await stations()).stations.BAR.paused);
    const placed = await bakery.placeOrder([{ menuItemId: 4, quantity: 1 }]);
    const late = await until(placed.id, "late and queued", (view) => view.late && view.timeline.length > 1);
    expect(late.items[0]?.status).toBe("QUEUED");
    expect((await staff("POST", "/api/staff/stations/BAR/resume")).status).toBe(202);
    await waitFor("the bar resumed", async () => !(await stations()).stations.BAR.paused);
    const ready = await bakery.untilReady(placed.id);
    expect(ready.late).toBe(true);
    expect(Date.parse(ready.readyAt ?? "")).toBeGreaterThan(Date.parse(ready.promisedAt));
  });
});
