import { describe, expect, it } from "vitest";
import { ItemOrdered, ItemQueued, ItemReady, ItemStarted, OrderPlaced } from "@bakery/shared/events";
import { MENU_SEED } from "@bakery/shared/menu";
import { buildBareOrder, orderPlacedOf, stationEventsOf } from "./raw-messages";

const menu = new Map(MENU_SEED.map((item) => [item.id, item]));
const order = buildBareOrder({
  orderId: "AbCdEfGhIjKlMnOpQrStUv",
  customerName: "Bench",
  lines: [
    { menuItemId: 1, quantity: 1 },
    { menuItemId: 2, quantity: 1 },
  ],
  menu,
  now: Date.UTC(2026, 0, 1),
  pickupCode: "ACDE",
});

describe("the ceilings' hand-built messages", () => {
  it("are what the product's schemas accept, and as long as the product writes them", () => {
    if (!order) throw new Error("no order");
    expect(order.messages).toHaveLength(2);
    for (const message of order.messages) {
      const parsed = ItemOrdered.parse(message);
      expect(JSON.stringify(message)).toBe(JSON.stringify(parsed));
    }
    const placed = orderPlacedOf(order.record);
    expect(JSON.stringify(placed)).toHaveLength(JSON.stringify(OrderPlaced.parse(placed)).length);
    const [queued, started, ready] = stationEventsOf(order.messages[0]!, Date.UTC(2026, 0, 1, 0, 0, 1));
    expect(JSON.stringify(ItemQueued.parse(JSON.parse(queued)))).toBe(queued);
    expect(JSON.stringify(ItemStarted.parse(JSON.parse(started)))).toBe(started);
    expect(JSON.stringify(ItemReady.parse(JSON.parse(ready)))).toBe(ready);
  });

  it("routes foods to the kitchen and drinks to the bar, and refuses unknown items", () => {
    expect(order?.record.items.map((item) => item.station)).toEqual(["KITCHEN", "BAR"]);
    expect(
      buildBareOrder({
        orderId: "x",
        customerName: "y",
        lines: [{ menuItemId: 999, quantity: 1 }],
        menu,
        now: 0,
        pickupCode: "AAAA",
      }),
    ).toBeUndefined();
  });
});
