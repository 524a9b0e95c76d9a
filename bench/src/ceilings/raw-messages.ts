import { randomUUID } from "node:crypto";
import type { ItemOrdered, ItemQueued, ItemReady, ItemStarted, OrderPlaced } from "@bakery/shared/events";
import type { MenuItem } from "@bakery/shared/menu";
import type { OrderRecord } from "@bakery/shared/order";

/**
 * The saga's messages built by hand, for the ceilings: the same fields in the same order
 * as the product's (so the same sizes on the wire), without zod on the way out.
 * A unit test holds them to the product's schemas.
 */
export function buildBareOrder(input: {
  orderId: string;
  customerName: string;
  lines: readonly { menuItemId: number; quantity: number }[];
  menu: ReadonlyMap<number, MenuItem>;
  now: number;
  pickupCode: string;
}): { record: OrderRecord; messages: ItemOrdered[] } | undefined {
  const placedAt = new Date(input.now).toISOString();
  const items: OrderRecord["items"] = [];
  for (const line of input.lines) {
    const menuItem = input.menu.get(line.menuItemId);
    if (!menuItem) return undefined;
    for (let n = 0; n < line.quantity; n++) {
      items.push({
        itemId: `${input.orderId}.${items.length + 1}`,
        menuItemId: menuItem.id,
        name: menuItem.name,
        type: menuItem.type,
        station: menuItem.type === "FOOD" ? "KITCHEN" : "BAR",
        priceCents: menuItem.priceCents,
        prepSeconds: menuItem.prepSeconds,
      });
    }
  }
  const record: OrderRecord = {
    id: input.orderId,
    pickupCode: input.pickupCode,
    customerName: input.customerName,
    placedAt,
    estimatedReadyAt: placedAt,
    totalCents: items.reduce((sum, item) => sum + item.priceCents, 0),
    items,
  };
  const messages: ItemOrdered[] = items.map((item) => ({
    id: `${item.itemId}.ordered`,
    type: "ItemOrdered",
    version: 1,
    occurredAt: placedAt,
    orderId: input.orderId,
    data: { itemId: item.itemId, menuItemId: item.menuItemId, name: item.name, station: item.station },
  }));
  return { record, messages };
}

export function orderPlacedOf(record: OrderRecord): OrderPlaced {
  return {
    id: `${record.id}.placed`,
    type: "OrderPlaced",
    version: 1,
    occurredAt: record.placedAt,
    orderId: record.id,
    data: { order: record },
  };
}

/** What a station announces for one item taken from its topic: queued, started, ready, as JSON. */
export function stationEventsOf(ordered: ItemOrdered, now: number): [string, string, string] {
  const at = new Date(now).toISOString();
  const ref = ordered.data;
  const base = { version: 1 as const, occurredAt: at, orderId: ordered.orderId };
  const queued: ItemQueued = {
    id: randomUUID(),
    type: "ItemQueued",
    ...base,
    data: { ...ref, expectedReadyAt: at, position: 0 },
  };
  const started: ItemStarted = {
    id: randomUUID(),
    type: "ItemStarted",
    ...base,
    data: { ...ref, expectedReadyAt: at },
  };
  const ready: ItemReady = { id: `${ref.itemId}.ready`, type: "ItemReady", ...base, data: ref };
  return [JSON.stringify(reorder(queued)), JSON.stringify(reorder(started)), JSON.stringify(reorder(ready))];
}

/** The envelope's key order (id, type, version, occurredAt, orderId, data), as zod writes it. */
const reorder = <
  T extends { id: string; type: string; version: 1; occurredAt: string; orderId: string; data: unknown },
>(
  e: T,
) => ({ id: e.id, type: e.type, version: e.version, occurredAt: e.occurredAt, orderId: e.orderId, data: e.data });
