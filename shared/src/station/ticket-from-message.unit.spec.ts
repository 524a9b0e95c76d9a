import { describe, expect, it } from "vitest";
import { ticketFromMessage } from "./ticket-from-message";

const recipes = new Map([[1, { id: 1, name: "Batata Frita", prepSeconds: 5 }]]);
const context = { station: "KITCHEN" as const, partition: 2, recipes, prepTimeScale: 0.5 };
const message = (data: object, extra: object = {}) => ({
  offset: "7",
  value: Buffer.from(
    JSON.stringify({
      id: "o.1.ordered",
      type: "ItemOrdered",
      version: 1,
      occurredAt: "2026-11-25T12:00:00.000Z",
      orderId: "o",
      data,
      ...extra,
    }),
  ),
});

describe("ticket from message", () => {
  it("uses the station's own recipe for the preparation time", () => {
    const result = ticketFromMessage(
      message({ itemId: "o.1", menuItemId: 1, name: "Fries", station: "KITCHEN" }),
      context,
    );
    expect(result).toEqual({
      ok: true,
      ticket: {
        itemId: "o.1",
        orderId: "o",
        menuItemId: 1,
        name: "Batata Frita",
        station: "KITCHEN",
        prepMs: 2500,
        partition: 2,
        offset: "7",
      },
    });
  });

  it.each([
    ["not JSON", { offset: "1", value: Buffer.from("{nope") }, "not JSON"],
    ["empty", { offset: "1", value: null }, "empty message"],
    ["foreign", message({ itemId: "o.1", menuItemId: 1, name: "x", station: "BAR" }), "foreign: meant for BAR"],
    ["unknown item", message({ itemId: "o.1", menuItemId: 99, name: "x", station: "KITCHEN" }), "unknown item 99"],
    [
      "extra field",
      message({ itemId: "o.1", menuItemId: 1, name: "x", station: "KITCHEN" }, { $where: "1" }),
      "schema",
    ],
  ])("refuses a message that is %s", (_name, input, reason) => {
    const result = ticketFromMessage(input, context);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });
});
