import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventIds, isOrderEvent, type OrderUpdate } from "@bakery/shared/events";
import type { MenuEntry } from "@bakery/shared/api";
import type { OrderView } from "@bakery/shared/order";
import { applyEvent } from "@bakery/shared/order-projection";
import { summarizeBoard } from "@bakery/shared/staff-board";
import { startDecisionTimeouts } from "@/server/decision-timeouts";
import { startEffectsSweep } from "@/server/effects-sweep";
import { startBakery, type Bakery } from "./harness/bakery";
import { readEvents } from "./harness/sse-reader";
import { startStationStandIn, type StationStandIn } from "./harness/station-stand-in";
import { waitFor } from "./harness/wait-for";

// The waiter's side of the failure half, with the test playing both stations on the real
// broker: it reports what a station would and reads what the waiter sends to the stations.
let bakery: Bakery;
let station: StationStandIn;
let cookie: string;
beforeAll(async () => {
  bakery = await startBakery({
    kitchens: 0,
    bars: 0,
    env: { STAFF_PASSWORD: "test-staff-password", DECISION_TIMEOUT_S: "4", LATE_GRACE_S: "1" },
  });
  station = await startStationStandIn(bakery.env);
  const session = await bakery.web.call("POST", "/api/staff/session", { body: { password: "test-staff-password" } });
  cookie = (session.headers.get("set-cookie") ?? "").split(";")[0] as string;
});
afterAll(async () => {
  await station?.stop();
  await bakery?.close();
});

const until = (orderId: string, what: string, done: (view: OrderView) => boolean) =>
  waitFor(`order ${orderId}: ${what}`, async () => {
    const view = await bakery.web.order(orderId);
    return done(view) ? view : undefined;
  });
const decide = (orderId: string, itemId: string, body: unknown) =>
  bakery.web.call("POST", `/api/orders/${orderId}/items/${itemId}/decision`, { body });
const staff = (method: string, path: string, body?: unknown) =>
  bakery.web.call(method, path, { headers: { cookie }, ...(body === undefined ? {} : { body }) });

/** Follows an order's stream the way the tracking page does, until `done` holds. */
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

describe("sold out", () => {
  it("greys an item out live on the menu stream, and refuses an order for it with nothing written", async () => {
    const response = await bakery.web.respond("GET", "/api/menu/events");
    const stream = readEvents(response);
    const first = (await stream.next()).value;
    expect(first?.event).toBe("menu");
    expect((first?.data as MenuEntry[]).find((item) => item.id === 6)?.available).toBe(true);

    await station.stock("KITCHEN", 6, 0);
    const next = (await stream.next()).value;
    expect(next?.event).toBe("menu");
    expect((next?.data as MenuEntry[]).find((item) => item.id === 6)?.available).toBe(false);
    const menu = (await bakery.web.call("GET", "/api/menu")).json as MenuEntry[];
    expect(menu.find((item) => item.id === 6)).toMatchObject({ available: false, name: expect.any(String) });
    expect(menu.filter((item) => item.id !== 6).every((item) => item.available)).toBe(true);

    const before = await bakery.web.context.c.orders.countDocuments();
    const refused = await bakery.web.call("POST", "/api/orders", {
      body: {
        customerName: "Ana",
        items: [
          { menuItemId: 1, quantity: 1 },
          { menuItemId: 6, quantity: 1 },
        ],
      },
    });
    expect(refused.status).toBe(409);
    expect(refused.json).toMatchObject({ error: { code: "SOLD_OUT", field: "items.1.menuItemId" } });
    expect(await bakery.web.context.c.orders.countDocuments()).toBe(before);

    await station.stock("KITCHEN", 6, 3);
    const restocked = (await stream.next()).value;
    expect((restocked?.data as MenuEntry[]).find((item) => item.id === 6)?.available).toBe(true);
    await stream.return(undefined);
    const stations = (await staff("GET", "/api/staff/stations")).json;
    expect(stations).toMatchObject({
      stations: { KITCHEN: { paused: false }, BAR: { paused: false } },
      stock: [{ menuItemId: 6, station: "KITCHEN", available: true, portions: 3 }],
      lateGraceS: 1,
    });
  });
});

describe("a decision for an item the station cannot make", () => {
  it("substitutes, then removes on timeout a substitute that is sold out too; the rest is made and charged", async () => {
    const placed = await bakery.placeOrder([
      { menuItemId: 1, quantity: 1 },
      { menuItemId: 2, quantity: 1 },
    ]);
    const [fries, coke] = placed.items as [OrderView["items"][0], OrderView["items"][0]];
    await station.queued(placed.id, coke);
    await station.unavailable(placed.id, fries);
    const waiting = await until(placed.id, "NEEDS_ACTION", (view) => view.status === "NEEDS_ACTION");
    expect(waiting.items[0]).toMatchObject({ status: "UNAVAILABLE", unavailableReason: "SOLD_OUT" });

    expect((await decide(placed.id, coke.itemId, { action: "remove" })).json).toMatchObject({
      error: { code: "NOT_UNAVAILABLE" },
    });
    const otherStation = await decide(placed.id, fries.itemId, { action: "substitute", menuItemId: 2 });
    expect(otherStation.status).toBe(400);
    expect(otherStation.json).toMatchObject({ error: { code: "VALIDATION", field: "menuItemId" } });

    const chosen = await decide(placed.id, fries.itemId, { action: "substitute", menuItemId: 3 });
    expect(chosen.status).toBe(200);
    const substituted = chosen.json as OrderView;
    const substitute = substituted.items[2];
    expect(substituted.items[0]).toMatchObject({ status: "CANCELLED", cancelReason: "REPLACED" });
    expect(substitute).toMatchObject({ itemId: `${fries.itemId}~s`, menuItemId: 3, status: "QUEUED" });
    expect(substituted.status).toBe("IN_PREPARATION");
    const again = await decide(placed.id, fries.itemId, { action: "remove" });
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({ error: { code: "ALREADY_DECIDED" } });
    const ordered = await station.sent(
      "ItemOrdered",
      (value) => value.id === eventIds.itemOrdered(`${fries.itemId}~s`),
    );
    expect(ordered.topic).toBe(bakery.env.TOPIC_FOODS);
    expect(ordered.key).toBe(placed.id);

    // The substitute ran out too: a new decision, which the timeout takes for the customer.
    await station.unavailable(placed.id, substitute as OrderView["items"][0]);
    await until(placed.id, "the substitute waiting", (view) => view.items[2]?.status === "UNAVAILABLE");
    const removed = await until(placed.id, "the substitute removed", (view) => view.items[2]?.status === "CANCELLED");
    expect(removed.items[2]).toMatchObject({ cancelReason: "REMOVED" });
    expect(
      removed.timeline.find((entry) => entry.eventId === eventIds.itemDecided(substitute?.itemId ?? ""))?.detail,
    ).toContain("no choice in time");

    await station.ready(placed.id, coke);
    const ready = await until(placed.id, "READY", (view) => view.status === "READY");
    expect(ready.bill).toMatchObject({
      chargedCents: coke.priceCents,
      refundedCents: fries.priceCents + (substitute?.priceCents ?? 0),
      pendingCents: 0,
    });
  });

  it("lets exactly one of the customer and the timeout decide, the same in every view, race after race", async () => {
    const races = 24;
    const orders = await Promise.all(
      Array.from({ length: races }, () => bakery.placeOrder([{ menuItemId: 5, quantity: 1 }])),
    );
    // Every deadline falls on the same instant (reported now + the 4 s window); the customers answer
    // from 1.2 s before to 2.25 s after it (answering takes a while on a busy test stack).
    const reportedAt = Date.now();
    const deadline = reportedAt + 4000;
    await Promise.all(orders.map((order) => station.unavailable(order.id, order.items[0] as never, reportedAt)));
    const stored = (order: OrderView) =>
      bakery.web.context.c.orderEvents.findOne({ _id: eventIds.itemUnavailable(order.items[0]?.itemId ?? "") });
    await waitFor("every report stored", async () => (await Promise.all(orders.map(stored))).every(Boolean));
    const answers = await Promise.all(
      orders.map(async (order, i) => {
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, deadline - Date.now() + i * 150 - 1200)));
        return decide(order.id, order.items[0]?.itemId ?? "", { action: "remove" });
      }),
    );
    const winners = { CUSTOMER: 0, TIMEOUT: 0 };
    for (const [i, order] of orders.entries()) {
      const itemId = order.items[0]?.itemId ?? "";
      const stored = await bakery.web.context.c.orderEvents.find({ _id: eventIds.itemDecided(itemId) }).toArray();
      expect(stored).toHaveLength(1);
      const decided = stored[0]?.event;
      if (decided?.type !== "ItemDecided") throw new Error("not a decision");
      const answer = answers[i];
      if (answer?.status === 200) expect(decided.data.decidedBy).toBe("CUSTOMER");
      else {
        expect(answer?.json).toMatchObject({ error: { code: "ALREADY_DECIDED" } });
        expect(decided.data.decidedBy).toBe("TIMEOUT");
      }
      winners[decided.data.decidedBy]++;
      const view = await bakery.web.order(order.id);
      expect(view).toMatchObject({ status: "CANCELLED", bill: { chargedCents: 0, pendingCents: 0 } });
      expect(view.timeline.filter((entry) => entry.type === "ItemDecided")).toHaveLength(1);
      expect(await followOrder(order.id, (v) => v.status === "CANCELLED")).toEqual(view);
    }
    const board = (await staff("GET", "/api/staff/board")).json as { orders: OrderView[] };
    const onBoard = summarizeBoard(board.orders, Date.now());
    expect(
      [...onBoard.inPreparation, ...onBoard.readyForPickup].filter((o) => orders.some((x) => x.id === o.id)),
    ).toEqual([]);
    expect(winners.CUSTOMER + winners.TIMEOUT).toBe(races);
  });

  it("decides at once for an original-contract order, whose row then says CANCELLED", async () => {
    const orderId = 9_100_000 + Math.floor(Math.random() * 100_000);
    const placed = await bakery.web.call("POST", "/api/order", {
      body: {
        orderId,
        items: [
          { id: 1, type: "FOOD" },
          { id: 2, type: "DRINK" },
        ],
      },
    });
    expect(placed.status).toBe(201);
    const key = await bakery.web.context.c.orderKeys.findOne({ _id: `legacy:${orderId}` });
    const view = await bakery.web.order(key?.orderId ?? "");
    await station.unavailable(view.id, view.items[0] as never);
    await station.ready(view.id, view.items[1] as never);
    const rows = await waitFor("the item removed", async () => {
      const response = await bakery.web.call("GET", `/api/order?orderId=${orderId}`);
      const list = response.json as { status: string }[];
      return list[0]?.status === "CANCELLED" && list[1]?.status === "DONE" ? list : undefined;
    });
    expect(rows).toEqual([
      { order_id: orderId, item_id: 1, status: "CANCELLED" },
      { order_id: orderId, item_id: 2, status: "DONE" },
    ]);
  });
});

describe("cancellation", () => {
  it("withdraws what has not started when the customer cancels, and refunds it", async () => {
    const placed = await bakery.placeOrder([
      { menuItemId: 1, quantity: 1 },
      { menuItemId: 2, quantity: 1 },
    ]);
    const [fries, coke] = placed.items as [OrderView["items"][0], OrderView["items"][0]];
    await station.queued(placed.id, fries);
    await station.queued(placed.id, coke);
    const cancelled = await bakery.web.call("POST", `/api/orders/${placed.id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect((cancelled.json as OrderView).cancellation).toMatchObject({ by: "CUSTOMER" });
    for (const [item, topic] of [
      [fries, bakery.env.TOPIC_FOODS],
      [coke, bakery.env.TOPIC_DRINKS],
    ] as const) {
      const request = await station.sent(
        "ItemWithdrawalRequested",
        (v) => v.id === `${item.itemId}.withdrawal-requested`,
      );
      expect(request).toMatchObject({ topic, key: placed.id });
      await station.withdrawn(placed.id, item, "CUSTOMER_CANCELLED");
    }
    const view = await until(placed.id, "CANCELLED", (v) => v.status === "CANCELLED");
    expect(view.bill).toMatchObject({ chargedCents: 0, refundedCents: placed.totalCents, pendingCents: 0 });
    expect(view.late).toBe(false);
    const late = await bakery.web.call("POST", `/api/orders/${placed.id}/cancel`);
    expect(late.status).toBe(409);
    expect(late.json).toMatchObject({ error: { code: "TOO_LATE" } });
  });

  it("still makes and charges an item the station refused to withdraw", async () => {
    const placed = await bakery.placeOrder([
      { menuItemId: 1, quantity: 1 },
      { menuItemId: 2, quantity: 1 },
    ]);
    const [fries, coke] = placed.items as [OrderView["items"][0], OrderView["items"][0]];
    await station.started(placed.id, fries);
    await until(placed.id, "started", (view) => view.items[0]?.status === "PREPARING");
    expect((await bakery.web.call("POST", `/api/orders/${placed.id}/cancel`)).status).toBe(200);
    await station.sent("ItemWithdrawalRequested", (v) => v.id === `${coke.itemId}.withdrawal-requested`);
    await station.withdrawn(placed.id, coke, "CUSTOMER_CANCELLED");
    await station.ready(placed.id, fries);
    const view = await until(placed.id, "READY", (v) => v.status === "READY");
    expect(view.bill).toMatchObject({ chargedCents: fries.priceCents, refundedCents: coke.priceCents });
    expect(station.seen.some((m) => m.value.id === `${fries.itemId}.withdrawal-requested`)).toBe(false);
    expect((await bakery.web.call("POST", `/api/orders/${placed.id}/cancel`)).json).toMatchObject({
      error: { code: "TOO_LATE" },
    });
  });

  it("lets staff cancel an open order with a reason: what is ready is waste, the order leaves the board", async () => {
    const placed = await bakery.placeOrder([
      { menuItemId: 1, quantity: 1 },
      { menuItemId: 2, quantity: 1 },
    ]);
    const [fries, coke] = placed.items as [OrderView["items"][0], OrderView["items"][0]];
    await station.ready(placed.id, coke);
    await until(placed.id, "the drink ready", (view) => view.items[1]?.status === "READY");
    expect(
      (await bakery.web.call("POST", `/api/staff/orders/${placed.id}/cancel`, { body: { reason: "x" } })).status,
    ).toBe(401);
    const cancelled = await staff("POST", `/api/staff/orders/${placed.id}/cancel`, { reason: "walked out" });
    expect(cancelled.status).toBe(200);
    expect((cancelled.json as OrderView).cancellation).toMatchObject({ by: "STAFF", reason: "walked out" });
    await station.sent("ItemWithdrawalRequested", (v) => v.id === `${fries.itemId}.withdrawal-requested`);
    await station.withdrawn(placed.id, fries, "STAFF_CANCELLED");
    const view = await until(placed.id, "CANCELLED", (v) => v.status === "CANCELLED");
    expect(view.items[1]).toMatchObject({ status: "READY", waste: true });
    expect(view.bill).toMatchObject({ chargedCents: coke.priceCents, refundedCents: fries.priceCents });
    const board = (await staff("GET", "/api/staff/board")).json as { orders: OrderView[]; lateGraceS: number };
    expect(board.lateGraceS).toBe(1);
    // In the snapshot as recently cancelled (with its waste), off the board's columns.
    expect(board.orders.find((order) => order.id === placed.id)).toEqual(view);
    const onBoard = summarizeBoard(board.orders, Date.now());
    expect([...onBoard.inPreparation, ...onBoard.readyForPickup].map((order) => order.id)).not.toContain(placed.id);
    expect((await staff("POST", `/api/staff/orders/${placed.id}/cancel`, { reason: "again" })).json).toMatchObject({
      error: { code: "TOO_LATE" },
    });
  });
});

describe("after a crash", () => {
  const later = () => Date.now() + 60_000;

  it("finishes the effects of a decision stored just before the process died", async () => {
    const placed = await bakery.placeOrder([{ menuItemId: 1, quantity: 1 }]);
    const fries = placed.items[0] as OrderView["items"][0];
    await station.unavailable(placed.id, fries);
    await until(placed.id, "NEEDS_ACTION", (view) => view.status === "NEEDS_ACTION");
    // What a process leaves behind when it dies between storing a decision and its effects.
    const { c } = bakery.web.context;
    const decided = {
      id: eventIds.itemDecided(fries.itemId),
      type: "ItemDecided" as const,
      version: 1 as const,
      occurredAt: new Date().toISOString(),
      orderId: placed.id,
      data: {
        itemId: fries.itemId,
        action: "substitute" as const,
        decidedBy: "CUSTOMER" as const,
        substitute: { ...fries, itemId: `${fries.itemId}~s`, menuItemId: 3, name: "Substitute" },
      },
    };
    await c.pendingEffects.insertOne({ _id: decided.id, orderId: placed.id, createdAt: new Date() });
    await c.orderEvents.insertOne({
      _id: decided.id,
      orderId: placed.id,
      occurredAt: new Date(decided.occurredAt),
      event: decided,
    });

    const sweep = startEffectsSweep(bakery.web.context, later);
    sweep.stop();
    expect(await sweep.sweep()).toBe(1);
    await station.sent("ItemOrdered", (value) => value.id === eventIds.itemOrdered(`${fries.itemId}~s`));
    expect(await c.effectsDone.findOne({ _id: decided.id })).not.toBeNull();
    expect(await c.pendingEffects.findOne({ _id: decided.id })).toBeNull();
    expect(await sweep.sweep()).toBe(0);
  });

  it("decides on the timeout's behalf when the process that held the timer died", async () => {
    const placed = await bakery.placeOrder([{ menuItemId: 5, quantity: 1 }]);
    const item = placed.items[0] as OrderView["items"][0];
    await station.unavailable(placed.id, item);
    const { c } = bakery.web.context;
    await waitFor("the deadline recorded", () => c.decisionDeadlines.findOne({ _id: item.itemId }).then(Boolean));
    // Another process (no timers of its own) sweeps once the deadline has passed.
    const other = startDecisionTimeouts(bakery.web.context, later);
    other.stop();
    await other.sweep();
    const view = await bakery.web.order(placed.id);
    expect(view).toMatchObject({ status: "CANCELLED", items: [{ status: "CANCELLED", cancelReason: "REMOVED" }] });
    expect(await c.decisionDeadlines.findOne({ _id: item.itemId })).toBeNull();
  });
});

describe("late orders and station commands", () => {
  it("marks an order late once its promise has passed", async () => {
    const placed = await bakery.placeOrder([{ menuItemId: 8, quantity: 1 }]);
    expect(placed.late).toBe(false);
    const late = await until(placed.id, "late", (view) => view.late);
    expect(Date.now()).toBeGreaterThan(Date.parse(late.promisedAt));
    const board = (await staff("GET", "/api/staff/board")).json as { orders: OrderView[] };
    expect(board.orders.find((order) => order.id === placed.id)?.late).toBe(true);
  });

  it("sends stock and pause commands to the stations on the one-partition control topic", async () => {
    const admin = bakery.web.context.kafka.admin();
    await admin.connect();
    const metadata = await admin.fetchTopicMetadata({ topics: [bakery.env.TOPIC_STATION_CONTROL ?? ""] });
    await admin.disconnect();
    expect(metadata.topics[0]?.partitions).toHaveLength(1);
    expect((await staff("PUT", "/api/staff/stock/4", { portions: 12 })).status).toBe(202);
    expect((await staff("POST", "/api/staff/stations/BAR/pause")).json).toEqual({ station: "BAR", paused: true });
    expect((await staff("POST", "/api/staff/stations/GRILL/pause")).status).toBe(400);
    expect((await bakery.web.call("POST", "/api/staff/stations/BAR/resume")).status).toBe(401);
    const stock = await station.sent("StockSet", (v) => (v.data as { menuItemId: number }).menuItemId === 4);
    expect(stock).toMatchObject({ key: "BAR", value: { data: { station: "BAR", portions: 12 } } });
    expect((await station.sent("StationPaused", () => true)).key).toBe("BAR");

    await station.paused("BAR", true);
    await waitFor("BAR paused", async () => {
      const body = (await staff("GET", "/api/staff/stations")).json as { stations: { BAR: { paused: boolean } } };
      return body.stations.BAR.paused;
    });
  });
});
