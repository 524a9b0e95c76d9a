import { describe, expect, it } from "vitest";
import type { OrderEvent } from "./events";
import type { OrderRecord } from "./order";
import { applyEvent, decideCollect, initialView, nextItemStatus, projectOrder } from "./order-projection";

const t = (seconds: number) => new Date(Date.UTC(2026, 10, 25, 12, 0, seconds)).toISOString();

const record: OrderRecord = {
  id: "o1",
  pickupCode: "ACDE",
  customerName: "Ana",
  placedAt: t(0),
  estimatedReadyAt: t(5),
  totalCents: 1980,
  items: [
    {
      itemId: "o1.1",
      menuItemId: 1,
      name: "Batata Frita",
      type: "FOOD",
      station: "KITCHEN",
      priceCents: 1290,
      prepSeconds: 5,
    },
    { itemId: "o1.2", menuItemId: 2, name: "Coca", type: "DRINK", station: "BAR", priceCents: 690, prepSeconds: 5 },
  ],
};

const ref = (itemId: string) => ({
  itemId,
  menuItemId: itemId === "o1.1" ? 1 : 2,
  name: "x",
  station: itemId === "o1.1" ? ("KITCHEN" as const) : ("BAR" as const),
});
const queued = (itemId: string, at: number, eta: number): OrderEvent => ({
  id: `${itemId}.q`,
  type: "ItemQueued",
  version: 1,
  occurredAt: t(at),
  orderId: "o1",
  data: { ...ref(itemId), expectedReadyAt: t(eta), position: 0 },
});
const started = (itemId: string, at: number, eta: number): OrderEvent => ({
  id: `${itemId}.s`,
  type: "ItemStarted",
  version: 1,
  occurredAt: t(at),
  orderId: "o1",
  data: { ...ref(itemId), expectedReadyAt: t(eta) },
});
const ready = (itemId: string, at: number): OrderEvent => ({
  id: `${itemId}.ready`,
  type: "ItemReady",
  version: 1,
  occurredAt: t(at),
  orderId: "o1",
  data: ref(itemId),
});
const collected = (at: number): OrderEvent => ({
  id: "o1.collected",
  type: "OrderCollected",
  version: 1,
  occurredAt: t(at),
  orderId: "o1",
  data: {},
});

describe("order projection", () => {
  it("starts PLACED with every item QUEUED and the first estimate as ETA", () => {
    const view = initialView(record);
    expect(view.status).toBe("PLACED");
    expect(view.items.map((item) => item.status)).toEqual(["QUEUED", "QUEUED"]);
    expect(view.eta).toBe(t(5));
  });

  it("moves to IN_PREPARATION on the first station event and READY when the last item is", () => {
    const steps = [
      queued("o1.1", 1, 6),
      queued("o1.2", 1, 9),
      started("o1.1", 1, 6),
      started("o1.2", 4, 9),
      ready("o1.1", 6),
    ];
    const view = projectOrder(record, steps);
    expect(view.status).toBe("IN_PREPARATION");
    expect(view.eta).toBe(t(9));
    const done = applyEvent(view, ready("o1.2", 9));
    expect(done.status).toBe("READY");
    expect(done.readyAt).toBe(t(9));
    expect(done.timeline.map((entry) => entry.type)).toEqual([
      "OrderPlaced",
      "OrderInPreparation",
      "ItemQueued",
      "ItemQueued",
      "ItemStarted",
      "ItemStarted",
      "ItemReady",
      "ItemReady",
      "OrderReady",
    ]);
  });

  it("recomputes the ETA from the latest item as items move", () => {
    const view = projectOrder(record, [queued("o1.1", 1, 6), queued("o1.2", 1, 12)]);
    expect(view.eta).toBe(t(12));
    expect(applyEvent(view, started("o1.2", 2, 7)).eta).toBe(t(7));
  });

  it("ignores a duplicated event", () => {
    const once = projectOrder(record, [queued("o1.1", 1, 6), ready("o1.1", 6)]);
    const twice = applyEvent(once, ready("o1.1", 6));
    expect(twice).toBe(once);
  });

  it("folds reports arriving in any order to the view time order gives, as a browser's stream must", () => {
    // npm run chaos: a stream's snapshot read the ready report but not the started one stored a
    // moment before it; the started report, applied after, left the item without its startedAt.
    const events = [
      queued("o1.1", 1, 6),
      started("o1.1", 2, 6),
      ready("o1.1", 6),
      queued("o1.2", 1, 9),
      started("o1.2", 4, 9),
    ];
    const truth = projectOrder(record, events);
    const orders = (list: OrderEvent[]): OrderEvent[][] =>
      list.length <= 1
        ? [list]
        : list.flatMap((e, i) => orders([...list.slice(0, i), ...list.slice(i + 1)]).map((rest) => [e, ...rest]));
    for (const arrival of orders(events)) expect(arrival.reduce(applyEvent, initialView(record))).toEqual(truth);
  });

  it("applies events in time order whatever order they are stored in", () => {
    const view = projectOrder(record, [ready("o1.1", 6), started("o1.1", 1, 6), queued("o1.1", 1, 6)]);
    expect(view.items[0]?.status).toBe("READY");
  });

  it("makes the same view whatever order the kitchen's and the bar's reports arrive in", () => {
    const events = [
      queued("o1.1", 1, 6),
      queued("o1.2", 2, 9),
      started("o1.1", 3, 6),
      started("o1.2", 3, 9),
      ready("o1.1", 6),
      ready("o1.2", 9),
    ];
    const stationOf = (event: OrderEvent) => ("station" in event.data ? event.data.station : undefined);
    const kitchen = events.filter((event) => stationOf(event) === "KITCHEN");
    const bar = events.filter((event) => stationOf(event) === "BAR");
    const live = [...bar, ...kitchen].reduce(applyEvent, initialView(record));
    expect(live).toEqual(projectOrder(record, events));
    expect(live.timeline.find((entry) => entry.type === "OrderInPreparation")?.at).toBe(t(1));
  });

  it("puts steps of the same instant in their natural order", () => {
    const view = projectOrder(record, [started("o1.1", 1, 1), ready("o1.1", 1), queued("o1.1", 1, 1)]);
    expect(view.timeline.filter((entry) => entry.itemId).map((entry) => entry.type)).toEqual([
      "ItemQueued",
      "ItemStarted",
      "ItemReady",
    ]);
  });

  it("only moves an item forward: READY and CANCELLED are final", () => {
    expect(nextItemStatus("READY", "ItemQueued")).toBe("READY");
    expect(nextItemStatus("READY", "ItemStarted")).toBe("READY");
    expect(nextItemStatus("READY", "ItemWithdrawn")).toBe("READY");
    expect(nextItemStatus("CANCELLED", "ItemReady")).toBe("CANCELLED");
    expect(nextItemStatus("PREPARING", "ItemQueued")).toBe("PREPARING");
    expect(nextItemStatus("QUEUED", "ItemStarted")).toBe("PREPARING");
  });

  it("collects only a READY order, once", () => {
    const inPrep = projectOrder(record, [queued("o1.1", 1, 6)]);
    expect(decideCollect(inPrep)).toEqual({ ok: false, reason: "NOT_READY" });
    expect(applyEvent(inPrep, collected(7)).status).toBe("IN_PREPARATION");
    const done = projectOrder(record, [ready("o1.1", 6), ready("o1.2", 7)]);
    expect(decideCollect(done)).toEqual({ ok: true });
    const handed = applyEvent(done, collected(8));
    expect(handed.status).toBe("COLLECTED");
    expect(decideCollect(handed)).toEqual({ ok: false, reason: "ALREADY_COLLECTED" });
  });

  it("ignores events of other orders and unknown items", () => {
    const view = initialView(record);
    expect(applyEvent(view, { ...ready("o1.1", 3), orderId: "o2" })).toBe(view);
    expect(applyEvent(view, ready("o1.9", 3))).toBe(view);
  });
});
