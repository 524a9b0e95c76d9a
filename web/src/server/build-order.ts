import { eventIds, type ItemOrdered } from "@bakery/shared/events";
import type { MenuItem } from "@bakery/shared/menu";
import type { OrderItem, OrderRecord } from "@bakery/shared/order";
import { prepMs } from "@bakery/shared/station-schedule";
import { stationFor } from "@bakery/shared/stations";
import { AppError } from "./errors";

export type OrderLine = { menuItemId: number; quantity: number };

/**
 * Decides what an accepted order is: one item per unit ordered (two identical items
 * are two items), priced from the menu, with a first ETA, and the messages that send
 * each item to its station. Pure: ids and the clock are passed in.
 */
export function buildOrder(input: {
  orderId: string;
  pickupCode: string;
  customerName: string;
  lines: readonly OrderLine[];
  menu: ReadonlyMap<number, MenuItem>;
  now: number;
  prepTimeScale: number;
  legacyOrderId?: number;
  /** Seconds the customer will have to choose for an item its station cannot make. */
  decisionWindowS?: number;
}): { record: OrderRecord; messages: ItemOrdered[] } {
  const items: OrderItem[] = input.lines.flatMap((line, lineIndex) => {
    const menuItem = menuItemFor(line, lineIndex, input.menu);
    return Array.from({ length: line.quantity }, () => ({
      itemId: "",
      menuItemId: menuItem.id,
      name: menuItem.name,
      type: menuItem.type,
      station: stationFor(menuItem.type),
      priceCents: menuItem.priceCents,
      prepSeconds: menuItem.prepSeconds,
    }));
  });
  items.forEach((item, i) => (item.itemId = `${input.orderId}.${i + 1}`));

  const placedAt = new Date(input.now).toISOString();
  const record: OrderRecord = {
    id: input.orderId,
    pickupCode: input.pickupCode,
    customerName: input.customerName,
    placedAt,
    estimatedReadyAt: new Date(
      input.now + Math.max(...items.map((item) => prepMs(item.prepSeconds, input.prepTimeScale))),
    ).toISOString(),
    totalCents: items.reduce((sum, item) => sum + item.priceCents, 0),
    items,
    ...(input.legacyOrderId === undefined ? {} : { legacyOrderId: input.legacyOrderId }),
    // Stored with the order, so a change of DECISION_TIMEOUT_S does not move a deadline already shown.
    ...(input.decisionWindowS === undefined ? {} : { decisionWindowS: input.decisionWindowS }),
  };
  const messages: ItemOrdered[] = items.map((item) => ({
    id: eventIds.itemOrdered(item.itemId),
    type: "ItemOrdered",
    version: 1,
    occurredAt: placedAt,
    orderId: input.orderId,
    data: { itemId: item.itemId, menuItemId: item.menuItemId, name: item.name, station: item.station },
  }));
  return { record, messages };
}

/** Every line must name a menu item; the error names the line at fault. */
export function menuItemFor(line: OrderLine, lineIndex: number, menu: ReadonlyMap<number, MenuItem>): MenuItem {
  const menuItem = menu.get(line.menuItemId);
  if (!menuItem)
    throw new AppError("UNKNOWN_ITEM", `There is no menu item ${line.menuItemId}`, `items.${lineIndex}.menuItemId`);
  return menuItem;
}

/** An item its station said is sold out cannot be ordered; the station still decides for the rest. */
export function refuseSoldOut(lines: readonly OrderLine[], available: (menuItemId: number) => boolean): void {
  const i = lines.findIndex((line) => !available(line.menuItemId));
  if (i >= 0) throw new AppError("SOLD_OUT", `Menu item ${lines[i]?.menuItemId} is sold out`, `items.${i}.menuItemId`);
}
