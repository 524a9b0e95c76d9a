import { describe, expect, it } from "vitest";
import type { OrderEvent } from "./events";
import { moneyProblems } from "./money";
import type { OrderRecord } from "./order";
import { projectOrder } from "./order-projection";

const at = new Date(Date.UTC(2026, 10, 25, 12, 0, 0)).toISOString();
const record: OrderRecord = {
  id: "o1",
  pickupCode: "ACDE",
  customerName: "Ana",
  placedAt: at,
  estimatedReadyAt: at,
  totalCents: 1980,
  items: [
    {
      itemId: "o1.1",
      menuItemId: 1,
      name: "Fries",
      type: "FOOD",
      station: "KITCHEN",
      priceCents: 1290,
      prepSeconds: 5,
    },
    { itemId: "o1.2", menuItemId: 2, name: "Coca", type: "DRINK", station: "BAR", priceCents: 690, prepSeconds: 5 },
  ],
};
const ready: OrderEvent = {
  id: "o1.1.ready",
  type: "ItemReady",
  version: 1,
  occurredAt: at,
  orderId: "o1",
  data: { itemId: "o1.1", menuItemId: 1, name: "Fries", station: "KITCHEN" },
};
const withdrawn: OrderEvent = {
  id: "o1.2.withdrawn",
  type: "ItemWithdrawn",
  version: 1,
  occurredAt: at,
  orderId: "o1",
  data: { itemId: "o1.2", menuItemId: 2, name: "Coca", station: "BAR", reason: "CUSTOMER_CANCELLED" },
};

describe("the money invariant", () => {
  it("holds for an order charged for what was made and refunded for what was not", () => {
    const view = projectOrder(record, [ready, withdrawn]);
    expect(view.bill).toMatchObject({ chargedCents: 1290, refundedCents: 690, pendingCents: 0 });
    expect(moneyProblems(view)).toEqual([]);
  });

  it("names the order and the sum that is wrong", () => {
    const view = projectOrder(record, [ready, withdrawn]);
    const overcharged = { ...view, bill: { ...view.bill, chargedCents: 1980, refundedCents: 0 } };
    expect(moneyProblems(overcharged)).toEqual([
      "order o1 (READY): charged is 1980, should be 1290",
      "order o1 (READY): refunded is 0, should be 690",
    ]);
  });
});
