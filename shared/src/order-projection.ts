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
  ...record.items.flatMap(({ itemId }) => [
    eventIds.itemQueued(itemId),
    eventIds.itemStarted(itemId),
    eventIds.itemReady(itemId),
  ]),
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
export function orderStatusOf(
  items: readonly Pick<ItemView, "status">[],
  started: boolean,
  collected: boolean,
): OrderStatus {
  if (collected) return "COLLECTED";
  if (items.length > 0 && items.every((item) => item.status === "READY")) return "READY";
  return started ? "IN_PREPARATION" : "PLACED";
}

export function applyEvent(view: OrderView, event: OrderEvent): OrderView {
  if (event.orderId !== view.id || view.timeline.some((entry) => entry.eventId === event.id)) return view;

  if (event.type === "OrderCollected") {
    if (view.status !== "READY") return view;
    return {
      ...view,
      status: "COLLECTED",
      collectedAt: event.occurredAt,
      timeline: inTimeOrder([...view.timeline, { at: event.occurredAt, type: "OrderCollected", eventId: event.id }]),
    };
  }

  const target = view.items.find((item) => item.itemId === event.data.itemId);
  if (!target) return view;
  const items = view.items.map((item) => (item === target ? applyItemEvent(item, event) : item));
  const status = orderStatusOf(items, true, false);
  const readyAt = status === "READY" ? latest(items.map((item) => item.readyAt ?? event.occurredAt)) : undefined;
  const reported = [
    ...view.timeline.filter((entry) => entry.type !== "OrderInPreparation" && entry.type !== "OrderReady"),
    {
      at: event.occurredAt,
      type: event.type,
      eventId: event.id,
      itemId: target.itemId,
      name: target.name,
      station: target.station,
    },
  ];
  // The order's own steps are derived from its items' events, so they come out the same
  // whatever order the events arrived in (the kitchen's and the bar's reports can cross).
  const firstReport = reported
    .filter((entry) => entry.itemId)
    .reduce((a, b) => (Date.parse(b.at) < Date.parse(a.at) ? b : a));
  const derived: TimelineEntry[] = [
    { at: firstReport.at, type: "OrderInPreparation" },
    ...(readyAt ? [{ at: readyAt, type: "OrderReady" as const }] : []),
  ];

  return {
    ...view,
    status: view.status === "COLLECTED" ? "COLLECTED" : status,
    items,
    eta: readyAt ?? etaOf(items),
    ...(readyAt ? { readyAt } : {}),
    timeline: inTimeOrder([...reported, ...derived]),
  };
}

const stepRank: Record<TimelineEntry["type"], number> = {
  OrderPlaced: 0,
  OrderInPreparation: 1,
  ItemQueued: 2,
  ItemStarted: 3,
  ItemReady: 4,
  OrderReady: 5,
  OrderCollected: 6,
};

/** Time order, with ties broken by step and id, so the same events always make the same timeline. */
const inTimeOrder = (entries: readonly TimelineEntry[]): TimelineEntry[] =>
  [...entries].sort(
    (a, b) =>
      Date.parse(a.at) - Date.parse(b.at) ||
      stepRank[a.type] - stepRank[b.type] ||
      (a.eventId ?? "").localeCompare(b.eventId ?? ""),
  );

function applyItemEvent(item: ItemView, event: Exclude<OrderEvent, { type: "OrderCollected" }>): ItemView {
  const status = nextItemStatus(item.status, event.type);
  switch (event.type) {
    case "ItemQueued":
      return status === "READY"
        ? item
        : {
            ...item,
            status,
            expectedReadyAt: event.data.expectedReadyAt,
            position: event.data.position,
            queuedAt: event.occurredAt,
          };
    case "ItemStarted":
      return status === "READY"
        ? item
        : { ...item, status, expectedReadyAt: event.data.expectedReadyAt, startedAt: event.occurredAt };
    case "ItemReady":
      return { ...item, status, expectedReadyAt: event.occurredAt, readyAt: event.occurredAt };
  }
}

/** The order is ready when its last item is: the latest expected ready time of the items. */
export const etaOf = (items: readonly Pick<ItemView, "status" | "expectedReadyAt" | "readyAt">[]): string =>
  latest(items.map((item) => (item.status === "READY" && item.readyAt ? item.readyAt : item.expectedReadyAt)));

const latest = (isoTimes: readonly string[]): string =>
  isoTimes.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));

/** Events in the order they happened; a station's steps of one instant in their natural order. */
const sortByTime = (events: readonly OrderEvent[]): OrderEvent[] =>
  [...events].sort(
    (a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt) || stepRank[a.type] - stepRank[b.type],
  );

export type CollectDecision = { ok: true } | { ok: false; reason: "NOT_READY" | "ALREADY_COLLECTED" };

/** Staff may hand over an order only once, and only when everything in it is ready. */
export function decideCollect(view: Pick<OrderView, "status">): CollectDecision {
  if (view.status === "COLLECTED") return { ok: false, reason: "ALREADY_COLLECTED" };
  if (view.status !== "READY") return { ok: false, reason: "NOT_READY" };
  return { ok: true };
}
