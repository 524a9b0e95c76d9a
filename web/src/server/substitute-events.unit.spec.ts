import { describe, expect, it } from "vitest";
import { eventIds, substituteItemId, type OrderEvent } from "@bakery/shared/events";
import type { OrderItem } from "@bakery/shared/order";
import { readWithSubstitutes } from "./substitute-events";

const item = (itemId: string): OrderItem => ({
  itemId,
  menuItemId: 3,
  name: "Pastel",
  type: "FOOD",
  station: "KITCHEN",
  priceCents: 100,
  prepSeconds: 5,
});
const substituted = (itemId: string): OrderEvent => ({
  id: eventIds.itemDecided(itemId),
  type: "ItemDecided",
  version: 1,
  occurredAt: "2026-12-02T03:00:00.000Z",
  orderId: "o",
  data: { itemId, action: "substitute", decidedBy: "CUSTOMER", substitute: item(substituteItemId(itemId)) },
});

describe("reading an order's events with its substitutes", () => {
  it("follows a substitute of a substitute, reading each id once", async () => {
    const first = substituteItemId("o.1");
    const stored = new Map([substituted("o.1"), substituted(first)].map((event) => [event.id, { event }]));
    const asked: string[] = [];
    const docs = await readWithSubstitutes([eventIds.itemDecided("o.1"), eventIds.itemReady("o.1")], async (ids) => {
      asked.push(...ids);
      return ids.map((id) => stored.get(id) ?? null);
    });
    expect(docs?.map((doc) => doc.event.id)).toEqual([eventIds.itemDecided("o.1"), eventIds.itemDecided(first)]);
    expect(asked).toContain(eventIds.itemDecided(substituteItemId(first)));
    expect(new Set(asked).size).toBe(asked.length);
  });

  it("reads no more than its budget of ids: past it, it stops and says so", async () => {
    const first = substituteItemId("o.1");
    const stored = new Map([substituted("o.1"), substituted(first)].map((event) => [event.id, { event }]));
    const asked: string[] = [];
    const read = async (ids: readonly string[]) => {
      asked.push(...ids);
      return ids.map((id) => stored.get(id) ?? null);
    };
    // 2 ids, then 7 for the first substitute, then 7 for the substitute's substitute: 16 in all.
    expect(await readWithSubstitutes([eventIds.itemDecided("o.1"), eventIds.itemReady("o.1")], read, 16)).toHaveLength(
      2,
    );
    asked.length = 0;
    expect(
      await readWithSubstitutes([eventIds.itemDecided("o.1"), eventIds.itemReady("o.1")], read, 15),
    ).toBeUndefined();
    expect(asked.length).toBeLessThanOrEqual(15);
    expect(await readWithSubstitutes(["a", "b", "c"], read, 2)).toBeUndefined();
  });
});
