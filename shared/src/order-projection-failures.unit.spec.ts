import { describe, expect, it } from "vitest";
import { substituteItemId, type OrderEvent } from "./events";
import type { OrderItem, OrderRecord, OrderView } from "./order";
import { applyEvent, initialView, projectOrder, withLateness } from "./order-projection";

const t = (seconds: number) => new Date(Date.UTC(2026, 10, 25, 12, 0, seconds)).toISOString();
const fries: OrderItem = {
  itemId: "o1.1",
  menuItemId: 1,
  name: "Batata Frita",
  type: "FOOD",
  station: "KITCHEN",
  priceCents: 1290,
  prepSeconds: 5,
};
const coke: OrderItem = {
  ...fries,
  itemId: "o1.2",
  menuItemId: 2,
  name: "Coca",
  type: "DRINK",
  station: "BAR",
  priceCents: 690,
};
const record: OrderRecord = {
  id: "o1",
  pickupCode: "ACDE",
  customerName: "Ana",
  placedAt: t(0),
  estimatedReadyAt: t(10),
  totalCents: 1980,
  items: [fries, coke],
  decisionWindowS: 90,
};

const base = (item: OrderItem, id: string, at: number) => ({
  id,
  version: 1 as const,
  occurredAt: t(at),
  orderId: "o1",
});
const ref = (item: OrderItem) => ({
  itemId: item.itemId,
  menuItemId: item.menuItemId,
  name: item.name,
  station: item.station,
});
const ev = {
  queued: (item: OrderItem, at: number): OrderEvent => ({
    ...base(item, `${item.itemId}.queued`, at),
    type: "ItemQueued",
    data: { ...ref(item), expectedReadyAt: t(at + 5), position: 0 },
  }),
  started: (item: OrderItem, at: number): OrderEvent => ({
    ...base(item, `${item.itemId}.started`, at),
    type: "ItemStarted",
    data: { ...ref(item), expectedReadyAt: t(at + 5) },
  }),
  ready: (item: OrderItem, at: number): OrderEvent => ({
    ...base(item, `${item.itemId}.ready`, at),
    type: "ItemReady",
    data: ref(item),
  }),
  unavailable: (item: OrderItem, at: number): OrderEvent => ({
    ...base(item, `${item.itemId}.unavailable`, at),
    type: "ItemUnavailable",
    data: { ...ref(item), reason: "SOLD_OUT" },
  }),
  withdrawn: (
    item: OrderItem,
    at: number,
    reason: "CUSTOMER_CANCELLED" | "STAFF_CANCELLED" = "CUSTOMER_CANCELLED",
  ): OrderEvent => ({
    ...base(item, `${item.itemId}.withdrawn`, at),
    type: "ItemWithdrawn",
    data: { ...ref(item), reason },
  }),
  refused: (item: OrderItem, at: number): OrderEvent => ({
    ...base(item, `${item.itemId}.withdrawal-refused`, at),
    type: "ItemWithdrawalRefused",
    data: { ...ref(item), reason: "TOO_LATE", status: "PREPARING" },
  }),
  decided: (
    item: OrderItem,
    at: number,
    action: "substitute" | "remove" | "cancel-order",
    substitute?: OrderItem,
  ): OrderEvent => ({
    ...base(item, `${item.itemId}.decided`, at),
    type: "ItemDecided",
    data: { itemId: item.itemId, action, decidedBy: "CUSTOMER", ...(substitute ? { substitute } : {}) },
  }),
  cancelled: (at: number, by: "CUSTOMER" | "STAFF" = "CUSTOMER"): OrderEvent => ({
    ...base(fries, "o1.cancellation-requested", at),
    type: "OrderCancellationRequested",
    data: by === "STAFF" ? { by, reason: "walked out" } : { by },
  }),
};

/** The invariant every order obeys at a final status: charged = made, refunded = the rest. */
function expectMoneyAddsUp(view: OrderView) {
  const made = view.items.filter((item) => item.status === "READY").reduce((sum, item) => sum + item.priceCents, 0);
  expect(view.bill.chargedCents).toBe(made);
  expect(view.bill.pendingCents).toBe(0);
  expect(view.bill.chargedCents + view.bill.refundedCents).toBe(view.bill.orderedCents);
}

describe("order projection: the failure half", () => {
  it("an item the station cannot make puts the order in NEEDS_ACTION with a deadline", () => {
    const view = projectOrder(record, [ev.queued(coke, 1), ev.unavailable(fries, 1)]);
    expect(view.status).toBe("NEEDS_ACTION");
    const item = view.items.find((i) => i.itemId === fries.itemId);
    expect(item).toMatchObject({ status: "UNAVAILABLE", unavailableReason: "SOLD_OUT", decideBy: t(91) });
    expect(view.bill.pendingCents).toBe(1980);
  });

  it("a substitute replaces the item as a new line, is made, and is charged instead", () => {
    const burger: OrderItem = {
      ...fries,
      itemId: substituteItemId(fries.itemId),
      menuItemId: 3,
      name: "Burger",
      priceCents: 1500,
    };
    const events = [
      ev.queued(coke, 1),
      ev.unavailable(fries, 1),
      ev.decided(fries, 3, "substitute", burger),
      ev.queued(burger, 4),
      ev.ready(coke, 6),
      ev.ready(burger, 9),
    ];
    const view = projectOrder(record, events);
    expect(view.status).toBe("READY");
    expect(view.items.map((i) => [i.itemId, i.status, i.cancelReason])).toEqual([
      ["o1.1", "CANCELLED", "REPLACED"],
      ["o1.2", "READY", undefined],
      ["o1.1~s", "READY", undefined],
    ]);
    expect(view.items[0]?.replacedBy).toBe("o1.1~s");
    expect(view.items[2]?.replaces).toBe("o1.1");
    expect(view.bill).toMatchObject({ orderedCents: 1290 + 690 + 1500, chargedCents: 690 + 1500, refundedCents: 1290 });
    expectMoneyAddsUp(view);
    expect(view.timeline.find((e) => e.type === "ItemDecided")?.detail).toBe("replaced by Burger");
  });

  it("removing the item refunds it and the rest of the order goes on", () => {
    const view = projectOrder(record, [ev.unavailable(fries, 1), ev.decided(fries, 2, "remove"), ev.ready(coke, 5)]);
    expect(view.status).toBe("READY");
    expect(view.bill).toMatchObject({ chargedCents: 690, refundedCents: 1290 });
    expectMoneyAddsUp(view);
  });

  it("a cancellation refunds what was withdrawn and still charges what was too late to stop", () => {
    const events = [
      ev.queued(fries, 1),
      ev.queued(coke, 1),
      ev.started(coke, 2),
      ev.cancelled(3),
      ev.withdrawn(fries, 3),
      ev.refused(coke, 3),
      ev.ready(coke, 7),
    ];
    const view = projectOrder(record, events);
    expect(view.status).toBe("READY");
    expect(view.cancellation).toMatchObject({ by: "CUSTOMER" });
    expect(view.items.map((i) => i.status)).toEqual(["CANCELLED", "READY"]);
    expectMoneyAddsUp(view);
    expect(view.bill.refundedCents).toBe(1290);
  });

  it("an order with everything withdrawn is CANCELLED and fully refunded", () => {
    const view = projectOrder(record, [ev.cancelled(1), ev.withdrawn(fries, 2), ev.withdrawn(coke, 2)]);
    expect(view.status).toBe("CANCELLED");
    expect(view.cancelledAt).toBe(t(2));
    expect(view.bill).toMatchObject({ chargedCents: 0, refundedCents: 1980 });
    expect(view.timeline.at(-1)?.type).toBe("OrderCancelled");
  });

  it("a staff cancellation ends the order CANCELLED once nothing is being made; ready items are waste", () => {
    const events = [
      ev.ready(coke, 2),
      ev.queued(fries, 1),
      ev.cancelled(3, "STAFF"),
      ev.withdrawn(fries, 4, "STAFF_CANCELLED"),
    ];
    const view = projectOrder(record, events);
    expect(view.status).toBe("CANCELLED");
    expect(view.items.find((i) => i.itemId === coke.itemId)).toMatchObject({ status: "READY", waste: true });
    expectMoneyAddsUp(view);
  });

  it("folds to the same view whatever order decisions and station reports arrive in", () => {
    const burger: OrderItem = { ...fries, itemId: substituteItemId(fries.itemId), name: "Burger" };
    const events = [
      ev.unavailable(fries, 1),
      ev.decided(fries, 2, "substitute", burger),
      ev.queued(burger, 3),
      ev.queued(coke, 1),
      ev.ready(coke, 4),
      ev.started(burger, 4),
    ];
    const inOrder = projectOrder(record, events);
    const decisionFirst = [events[1], events[0], events[3], events[2], events[5], events[4]] as OrderEvent[];
    expect(decisionFirst.reduce(applyEvent, initialView(record))).toEqual(inOrder);
    expect(inOrder.status).toBe("IN_PREPARATION");
  });

  it("is late once the clock passes the promise, and says so after it became ready late", () => {
    const open = projectOrder(record, [ev.queued(fries, 1)]);
    expect(withLateness(open, Date.parse(t(9))).late).toBe(false);
    expect(withLateness(open, Date.parse(t(11))).late).toBe(true);
    const lateReady = projectOrder(record, [ev.ready(fries, 12), ev.ready(coke, 13)], Date.parse(t(20)));
    expect(lateReady).toMatchObject({ status: "READY", late: true, promisedAt: t(10) });
    const cancelled = projectOrder(record, [ev.withdrawn(fries, 2), ev.withdrawn(coke, 2)], Date.parse(t(20)));
    expect(cancelled.late).toBe(false);
  });
});
