import { describe, expect, it } from "vitest";
import type { ItemView, OrderView } from "./order";
import { billOf } from "./order-projection";
import { summarizeBoard } from "./staff-board";

const t = (seconds: number) => new Date(Date.UTC(2026, 10, 25, 12, 0, seconds)).toISOString();
const item = (
  itemId: string,
  station: "KITCHEN" | "BAR",
  status: ItemView["status"],
  extra: Partial<ItemView> = {},
): ItemView => ({
  itemId,
  menuItemId: 1,
  name: itemId,
  type: station === "KITCHEN" ? "FOOD" : "DRINK",
  station,
  priceCents: 100,
  prepSeconds: 5,
  status,
  expectedReadyAt: t(30),
  ...extra,
});
const order = (
  id: string,
  placed: number,
  status: OrderView["status"],
  items: ItemView[],
  extra: Partial<OrderView> = {},
): OrderView => ({
  id,
  pickupCode: id.toUpperCase(),
  customerName: id,
  placedAt: t(placed),
  eta: t(30),
  promisedAt: t(30),
  late: false,
  bill: billOf(items),
  status,
  totalCents: 100,
  items,
  timeline: [],
  ...extra,
});

describe("staff board", () => {
  const orders = [
    order("b", 2, "IN_PREPARATION", [
      item("b1", "KITCHEN", "QUEUED", { queuedAt: t(3) }),
      item("b2", "BAR", "PREPARING", { startedAt: t(3), expectedReadyAt: t(13) }),
    ]),
    order("a", 1, "IN_PREPARATION", [
      item("a1", "KITCHEN", "QUEUED", { queuedAt: t(2) }),
      item("a2", "KITCHEN", "READY", { readyAt: t(6) }),
    ]),
    order("c", 0, "READY", [item("c1", "BAR", "READY", { readyAt: t(4) })], { readyAt: t(4) }),
    order("d", 0, "COLLECTED", [item("d1", "BAR", "READY", { readyAt: t(8) })], { readyAt: t(8) }),
  ];
  const board = summarizeBoard(orders, Date.parse(t(10)));

  it("lists each station's queue in arrival order with positions", () => {
    expect(board.stations.KITCHEN.queued.map((entry) => [entry.itemId, entry.position])).toEqual([
      ["a1", 1],
      ["b1", 2],
    ]);
  });

  it("shows time left for items in preparation", () => {
    expect(board.stations.BAR.preparing).toMatchObject([{ itemId: "b2", msLeft: 3000, pickupCode: "B" }]);
  });

  it("shows ready items of open orders on the balcony, not those already collected", () => {
    expect(board.stations.KITCHEN.ready.map((entry) => entry.itemId)).toEqual(["a2"]);
    expect(board.stations.BAR.ready.map((entry) => entry.itemId)).toEqual(["c1"]);
  });

  it("splits orders into in preparation and ready for pickup", () => {
    expect(board.inPreparation.map((o) => o.id)).toEqual(["a", "b"]);
    expect(board.readyForPickup.map((o) => o.id)).toEqual(["c"]);
  });

  it("counts orders in flight, the average wait and the oldest open order", () => {
    expect(board.numbers.inFlight).toBe(2);
    expect(board.numbers.averageWaitMs).toBe(6000);
    expect(board.numbers.oldestOpen).toEqual({ orderId: "c", pickupCode: "C", ageMs: 10_000 });
  });

  it("has nothing to say about an empty bakery", () => {
    expect(summarizeBoard([], 0).numbers).toEqual({ inFlight: 0, averageWaitMs: null, oldestOpen: null });
  });
});
