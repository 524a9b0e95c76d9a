import { describe, expect, it } from "vitest";
import { MENU_SEED } from "@bakery/shared/menu";
import { buildOrder, refuseSoldOut } from "./build-order";
import { AppError } from "./errors";
import { hashOf } from "./request-hash";

const menu = new Map(MENU_SEED.map((item) => [item.id, item]));
const base = {
  orderId: "ord",
  pickupCode: "ACDE",
  customerName: "Ana",
  menu,
  now: Date.UTC(2026, 10, 25, 12),
  prepTimeScale: 1,
};

describe("building an order", () => {
  it("makes one item per unit, each sent to its own station with a stable message id", () => {
    const { record, messages } = buildOrder({
      ...base,
      lines: [
        { menuItemId: 1, quantity: 2 },
        { menuItemId: 2, quantity: 1 },
      ],
    });
    expect(record.items.map((item) => [item.itemId, item.name, item.station])).toEqual([
      ["ord.1", "Batata Frita", "KITCHEN"],
      ["ord.2", "Batata Frita", "KITCHEN"],
      ["ord.3", "Coca", "BAR"],
    ]);
    expect(messages.map((message) => [message.id, message.orderId, message.data.station])).toEqual([
      ["ord.1.ordered", "ord", "KITCHEN"],
      ["ord.2.ordered", "ord", "KITCHEN"],
      ["ord.3.ordered", "ord", "BAR"],
    ]);
    expect(record.totalCents).toBe(1290 * 2 + 690);
  });

  it("estimates the ETA from the slowest item, scaled", () => {
    const { record } = buildOrder({
      ...base,
      prepTimeScale: 0.5,
      lines: [
        { menuItemId: 6, quantity: 1 },
        { menuItemId: 8, quantity: 1 },
      ],
    });
    expect(Date.parse(record.estimatedReadyAt) - base.now).toBe(4000);
  });

  it("names the line of an unknown item", () => {
    const attempt = () =>
      buildOrder({
        ...base,
        lines: [
          { menuItemId: 1, quantity: 1 },
          { menuItemId: 42, quantity: 1 },
        ],
      });
    expect(attempt).toThrow(AppError);
    expect(attempt).toThrow(expect.objectContaining({ code: "UNKNOWN_ITEM", field: "items.1.menuItemId" }));
  });

  it("names the line of an item known to be sold out, and keeps the decision window on the order", () => {
    const lines = [
      { menuItemId: 1, quantity: 1 },
      { menuItemId: 6, quantity: 2 },
    ];
    expect(() => refuseSoldOut(lines, (id) => id !== 6)).toThrow(
      expect.objectContaining({ code: "SOLD_OUT", field: "items.1.menuItemId" }),
    );
    expect(() => refuseSoldOut(lines, () => true)).not.toThrow();
    expect(buildOrder({ ...base, lines, decisionWindowS: 30 }).record.decisionWindowS).toBe(30);
  });
});

describe("request hash", () => {
  it("is the same for the same body in another key order, and differs for another body", () => {
    expect(hashOf({ a: 1, b: [{ x: 1, y: 2 }] })).toBe(hashOf({ b: [{ y: 2, x: 1 }], a: 1 }));
    expect(hashOf({ a: 1 })).not.toBe(hashOf({ a: 2 }));
  });
});
