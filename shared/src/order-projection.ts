import { eventIds, type OrderEvent } from "./events";
import type { ItemStatus, ItemView, OrderRecord, OrderStatus, OrderView, TimelineEntry } from "./order";

/**
 * The saga's read model: an order's view is its record folded with its events.
 * Pure and idempotent (an event already in the timeline is ignored), so the server
 * and the browser run the same code, and a redelivered event changes nothing.
 */
export function initialView(record: OrderRecord): OrderView {
  const { estimatedReadyAt, ...rest } = record;
  return {
    ...rest,
    status: "PLACED",
    eta: estimatedReadyAt,
    items: record.items.map((item) => ({ ...item, status: "QUEUED", expectedReadyAt: estimatedReadyAt })),
    timeline: [{ at: record.placedAt, type: "OrderPlaced" }],
  };
}

/** The ids of every event an order can have: where to look for its stored events. */
export const possibleEventIds = (record: Pick<OrderRecord, "id" | "items">): string[] => [
  ...record.items.flatMap(({ itemId }) => [eventIds.itemQueued(itemId), eventIds.itemStarted(itemId), eventIds.itemReady(itemId)]),
  eventIds.orderCollected(record.id),
];

export const projectOrder = (record: OrderRecord, events: readonly OrderEvent[]): OrderView =>
  sortByTime(events).reduce(applyEvent, initialView(record));

const rank: Record<ItemStatus, number> = { QUEUED: 0, PREPARING: 1, READY: 2 };

/** Item transitions: forward only, except that a restarted station may queue a started item again. */
export function nextItemStatus(current: ItemStatus, event: OrderEvent["type"]): ItemStatus {
  switch (event) {
    case "ItemQueued":
      return current === "READY" ? "READY" : "QUEUED";
    case "ItemStarted":
      return rank[current] < rank.PREPARING ? "PREPARING" : current;
    case "ItemReady":
      return "READY";
    default:
      return current;
  }
}

/** Order transitions follow from its items, except COLLECTED, which only staff decide and which is final. */
export function orderStatusOf(items: readonly Pick<ItemView, "status">[], started: boolean, collected: boolean): OrderStatus {
  if (collected) return "COLLECTED";
  if (items.length > 0 && items.every((item) => item.status === "READY")) return "READY";
  return started ? "IN_PREPARATION" : "PLACED";
}

export function applyEvent(view: OrderView, event: OrderEvent): OrderView {
  if (event.orderId !== view.id || view.timeline.some((entry) => entry.eventId === event.id)) return view;
  const timeline: TimelineEntry[] = [...view.timeline];
  let items = view.items;

  if (event.type === "OrderCollected") {
    if (view.status !== "READY") return view;
    timeline.push({ at: event.occurredAt, type: "OrderCollected", eventId: event.id });
    return { ...view, status: "COLLECTED", collectedAt: event.occurredAt, timeline };
  }

  const target = items.find((item) => item.itemId === event.data.itemId);
  if (!target) return view;
  items = items.map((item) => (item === target ? applyItemEvent(item, event) : item));
  timeline.push({ at: event.occurredAt, type: event.type, eventId: event.id, itemId: target.itemId, name: target.name, station: target.station });

  const wasStarted = view.status !== "PLACED";
  if (!wasStarted) timeline.push({ at: event.occurredAt, type: "OrderInPreparation" });
  const status = orderStatusOf(items, true, false);
  const readyAt = status === "READY" ? latest(items.map((item) => item.readyAt ?? event.occurredAt)) : undefined;
  if (status === "READY" && view.status !== "READY" && readyAt) timeline.push({ at: readyAt, type: "OrderReady" });

  return {
    ...view,
    status: view.status === "COLLECTED" ? "COLLECTED" : status,
    items,
    eta: readyAt ?? etaOf(items),
    ...(readyAt ? { readyAt } : {}),
    timeline: sortByTime(timeline),
  };
}

function applyItemEvent(item: ItemView, event: Exclude<OrderEvent, { type: "OrderCollected" }>): ItemView {
  const status = nextItemStatus(item.status, event.type);
  switch (event.type) {
    case "ItemQueued":
      return status === "READY" ? item : { ...item, status, expectedReadyAt: event.data.expectedReadyAt, position: event.data.position, queuedAt: event.occurredAt };
    case "ItemStarted":
      return status === "READY" ? item : { ...item, status, expectedReadyAt: event.data.expectedReadyAt, startedAt: event.occurredAt };
    case "ItemReady":
      return { ...item, status, expectedReadyAt: event.occurredAt, readyAt: event.occurredAt };
  }
}

/** The order is ready when its last item is: the latest expected ready time of the items. */
export const etaOf = (items: readonly Pick<ItemView, "status" | "expectedReadyAt" | "readyAt">[]): string =>
  latest(items.map((item) => (item.status === "READY" && item.readyAt ? item.readyAt : item.expectedReadyAt)));

const latest = (isoTimes: readonly string[]): string => isoTimes.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));

const sortByTime = <T extends { at?: string; occurredAt?: string }>(entries: readonly T[]): T[] =>
  [...entries].sort((a, b) => Date.parse(a.at ?? a.occurredAt ?? "") - Date.parse(b.at ?? b.occurredAt ?? ""));

export type CollectDecision = { ok: true } | { ok: false; reason: "NOT_READY" | "ALREADY_COLLECTED" };

/** Staff may hand over an order only once, and only when everything in it is ready. */
export function decideCollect(view: Pick<OrderView, "status">): CollectDecision {
  if (view.status === "COLLECTED") return { ok: false, reason: "ALREADY_COLLECTED" };
  if (view.status !== "READY") return { ok: false, reason: "NOT_READY" };
  return { ok: true };
}
