import { eventIds, substituteItemId, type DecidedBy, type ItemDecided } from "@bakery/shared/events";
import type { OrderItem, OrderView } from "@bakery/shared/order";
import { applyEvent, withLateness } from "@bakery/shared/order-projection";
import { stationFor } from "@bakery/shared/stations";
import { AppError } from "./errors";
import { loadOrderView } from "./order-view";
import type { SagaDeps } from "./saga-deps";
import { storeWithEffects } from "./saga-effects";

export type Decision = { action: "substitute"; menuItemId: number } | { action: "remove" } | { action: "cancel-order" };

/**
 * The one decision for an item its station cannot make. Customer, another tab and the
 * timeout all insert the same event id; the first insert wins and the others get
 * ALREADY_DECIDED. A substitute must be of the same station and not known to be sold out.
 */
export async function decideItem(
  deps: SagaDeps,
  orderId: string,
  itemId: string,
  decision: Decision,
  decidedBy: DecidedBy,
  now = Date.now(),
): Promise<OrderView> {
  const view = await loadOrderView(deps, orderId, now);
  const item = view.items.find((candidate) => candidate.itemId === itemId);
  if (!item) throw new AppError("NOT_FOUND", "No such item in this order");
  const decidedId = eventIds.itemDecided(itemId);
  if (view.timeline.some((entry) => entry.eventId === decidedId))
    throw new AppError("ALREADY_DECIDED", "This item was already decided");
  if (item.status !== "UNAVAILABLE") throw new AppError("NOT_UNAVAILABLE", "This item is not waiting for a decision");

  const event: ItemDecided = {
    id: decidedId,
    type: "ItemDecided",
    version: 1,
    occurredAt: new Date(now).toISOString(),
    orderId,
    data: {
      itemId,
      action: decision.action,
      decidedBy,
      ...(decision.action === "substitute" ? { substitute: await substituteFor(deps, item, decision.menuItemId) } : {}),
    },
  };
  const result = await storeWithEffects(deps, event);
  if (!result.stored) throw new AppError("ALREADY_DECIDED", "This item was already decided");
  // A cancelled order changed more than this item: read it again.
  return decision.action === "cancel-order"
    ? loadOrderView(deps, orderId, now)
    : withLateness(applyEvent(view, event), now);
}

async function substituteFor(
  deps: SagaDeps,
  item: Pick<OrderItem, "itemId" | "station">,
  menuItemId: number,
): Promise<OrderItem> {
  const menuItem = (await deps.menu.current()).get(menuItemId);
  if (!menuItem) throw new AppError("UNKNOWN_ITEM", `There is no menu item ${menuItemId}`, "menuItemId");
  const station = stationFor(menuItem.type);
  if (station !== item.station)
    throw new AppError("VALIDATION", "A substitute must come from the same station", "menuItemId");
  if (!deps.stationNews.available(menuItemId))
    throw new AppError("SOLD_OUT", `${menuItem.name} is sold out`, "menuItemId");
  return {
    itemId: substituteItemId(item.itemId),
    menuItemId,
    name: menuItem.name,
    type: menuItem.type,
    station,
    priceCents: menuItem.priceCents,
    prepSeconds: menuItem.prepSeconds,
  };
}
