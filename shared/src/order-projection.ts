import { eventIds, type OrderEvent } from "./events";
import type { Bill, ItemStatus, ItemView, OrderRecord, OrderStatus, OrderView, TimelineEntry } from "./order";

/** How long a customer has to choose for an unavailable item when the order does not say. */
const DEFAULT_DECISION_WINDOW_S = 90;

/**
 * The saga's read model: an order's view is its record folded with its events.
 * Pure and idempotent (an event already in the timeline is ignored), so the server
 * and the browser run the same code, and a redelivered event changes nothing.
 * Item states only move forward and READY and CANCELLED are final, so reports that
 * cross (the kitchen's and the bar's, a decision and the station's answer) fold to
 * the same view in any order.
 */
export function initialView(record: OrderRecord): OrderView {
  const { estimatedReadyAt, ...rest } = record;
  const items: ItemView[] = record.items.map((item) => ({
    ...item,
    status: "QUEUED",
    expectedReadyAt: estimatedReadyAt,
  }));
  return {
    ...rest,
    status: "PLACED",
    eta: estimatedReadyAt,
    promisedAt: estimatedReadyAt,
    late: false,
    items,
    bill: billOf(items),
    timeline: [{ at: record.placedAt, type: "OrderPlaced" }],
  };
}

/** The ids of every event one item can have. */
export const itemEventIds = (itemId: string): string[] => [
  eventIds.itemQueued(itemId),
  eventIds.itemStarted(itemId),
  eventIds.itemReady(itemId),
  eventIds.itemUnavailable(itemId),
  eventIds.itemWithdrawn(itemId),
  eventIds.itemWithdrawalRefused(itemId),
  eventIds.itemDecided(itemId),
];

/**
 * The ids of every event an order's record can have: where to look for its stored events.
 * A substitute's events are found from the ItemDecided that created it (`itemEventIds`).
 */
export const possibleEventIds = (record: Pick<OrderRecord, "id" | "items">): string[] => [
  ...record.items.flatMap(({ itemId }) => itemEventIds(itemId)),
  eventIds.orderCancellationRequested(record.id),
  eventIds.orderCollected(record.id),
];

/** The view at `now` (for `late`); without `now`, lateness is judged only by when the order became ready. */
export const projectOrder = (record: OrderRecord, events: readonly OrderEvent[], now?: number): OrderView => {
  const view = sortByTime(events).reduce(applyEvent, initialView(record));
  return now === undefined ? view : withLateness(view, now);
};

const final: readonly ItemStatus[] = ["READY", "CANCELLED"];

/** Item transitions: forward only; READY and CANCELLED are final. */
export function nextItemStatus(current: ItemStatus, event: OrderEvent["type"]): ItemStatus {
  if (final.includes(current)) return current;
  switch (event) {
    case "ItemQueued":
      return current;
    case "ItemStarted":
      return current === "QUEUED" ? "PREPARING" : current;
    case "ItemReady":
      return current === "UNAVAILABLE" ? current : "READY";
    case "ItemUnavailable":
      return current === "QUEUED" ? "UNAVAILABLE" : current;
    case "ItemWithdrawn":
    case "ItemDecided":
      return "CANCELLED";
    default:
      return current;
  }
}

/**
 * Order transitions follow from its items. COLLECTED (staff handed it over) and CANCELLED
 * (nothing left to make or hand over) are final.
 */
function orderStatusOf(
  items: readonly Pick<ItemView, "status">[],
  facts: { started: boolean; collected: boolean; cancelledByStaff: boolean },
): OrderStatus {
  if (facts.collected) return "COLLECTED";
  if (items.every((item) => item.status === "CANCELLED")) return "CANCELLED";
  if (items.some((item) => item.status === "UNAVAILABLE")) return "NEEDS_ACTION";
  const open = items.filter((item) => item.status !== "CANCELLED");
  // Staff cancelled (the customer walked out): once nothing is being made, nothing is handed over.
  if (open.every((item) => item.status === "READY")) return facts.cancelledByStaff ? "CANCELLED" : "READY";
  return facts.started ? "IN_PREPARATION" : "PLACED";
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

  if (event.type === "OrderCancellationRequested") {
    if (view.cancellation || view.status === "COLLECTED") return view;
    const cancellation = {
      by: event.data.by,
      at: event.occurredAt,
      ...(event.data.reason ? { reason: event.data.reason } : {}),
    };
    const entry: TimelineEntry = {
      at: event.occurredAt,
      type: "OrderCancellationRequested",
      eventId: event.id,
      detail: event.data.by === "STAFF" ? `by staff${event.data.reason ? `: ${event.data.reason}` : ""}` : "by you",
    };
    return settle({ ...view, cancellation }, [...view.timeline, entry]);
  }

  const itemId = event.data.itemId;
  const target = view.items.find((item) => item.itemId === itemId);
  if (!target) return view;
  let items = view.items.map((item) => (item === target ? applyItemEvent(view, item, event) : item));
  if (event.type === "ItemDecided" && event.data.substitute) {
    const substitute = event.data.substitute;
    if (!items.some((item) => item.itemId === substitute.itemId)) {
      items = [...items, { ...substitute, status: "QUEUED", expectedReadyAt: view.eta, replaces: target.itemId }];
    }
  }
  const entry: TimelineEntry = {
    at: event.occurredAt,
    type: event.type,
    eventId: event.id,
    itemId: target.itemId,
    name: target.name,
    station: target.station,
    ...detailOf(event),
  };
  return settle({ ...view, items }, [...view.timeline, entry]);
}

/** Recomputes what follows from the items: status, ETA, ready and cancel times, bill, the order's own steps. */
function settle(view: OrderView, timeline: readonly TimelineEntry[]): OrderView {
  const { items } = view;
  const reported = timeline.filter(
    (entry) => entry.type !== "OrderInPreparation" && entry.type !== "OrderReady" && entry.type !== "OrderCancelled",
  );
  const stationReports = reported.filter((entry) => entry.itemId && entry.type !== "ItemDecided");
  const status = orderStatusOf(items, {
    started: stationReports.length > 0,
    collected: view.status === "COLLECTED",
    cancelledByStaff: view.cancellation?.by === "STAFF",
  });
  const made = items.filter((item) => item.status === "READY");
  const readyAt =
    status === "READY" || (status === "COLLECTED" && made.length > 0)
      ? latest(made.map((item) => item.readyAt ?? view.placedAt))
      : undefined;
  const cancelledAt =
    status === "CANCELLED"
      ? latest([
          ...items.map((item) => item.cancelledAt ?? item.readyAt ?? view.placedAt),
          ...(view.cancellation ? [view.cancellation.at] : []),
        ])
      : undefined;
  const waste = view.cancellation?.by === "STAFF" && status === "CANCELLED";
  const settledItems = items.map((item) => (waste && item.status === "READY" ? { ...item, waste: true } : item));
  // The order's own steps are derived from its items' events, so they come out the same
  // whatever order the events arrived in (the kitchen's and the bar's reports can cross).
  const firstReport = stationReports.reduce<TimelineEntry | undefined>(
    (a, b) => (a && Date.parse(a.at) <= Date.parse(b.at) ? a : b),
    undefined,
  );
  const derived: TimelineEntry[] = [
    ...(firstReport ? [{ at: firstReport.at, type: "OrderInPreparation" as const }] : []),
    ...(readyAt ? [{ at: readyAt, type: "OrderReady" as const }] : []),
    ...(cancelledAt ? [{ at: cancelledAt, type: "OrderCancelled" as const }] : []),
  ];
  const { readyAt: _r, cancelledAt: _c, ...rest } = view;
  return {
    ...rest,
    status,
    items: settledItems,
    eta: readyAt ?? etaOf(settledItems) ?? cancelledAt ?? view.eta,
    late: view.late || (readyAt !== undefined && Date.parse(readyAt) > Date.parse(view.promisedAt)),
    ...(readyAt ? { readyAt } : {}),
    ...(cancelledAt ? { cancelledAt } : {}),
    bill: billOf(settledItems),
    timeline: inTimeOrder([...reported, ...derived]),
  };
}

/**
 * Late: not ready by the promise. An open order is late once `now` passes its promise; a ready
 * or collected one was late if it became ready after it; a cancelled one is not late.
 */
export function withLateness(view: OrderView, now: number): OrderView {
  const promised = Date.parse(view.promisedAt);
  const late =
    view.status === "CANCELLED"
      ? false
      : view.readyAt
        ? Date.parse(view.readyAt) > promised
        : view.status === "COLLECTED"
          ? view.late
          : now > promised;
  return late === view.late ? view : { ...view, late };
}

/** CHARGED = made, REFUNDED = cancelled, PENDING = not settled yet. Substitutes are lines of their own. */
export function billOf(
  items: readonly Pick<ItemView, "itemId" | "name" | "priceCents" | "status" | "replaces">[],
): Bill {
  const lines = items.map((item) => ({
    itemId: item.itemId,
    name: item.name,
    priceCents: item.priceCents,
    state:
      item.status === "READY"
        ? ("CHARGED" as const)
        : item.status === "CANCELLED"
          ? ("REFUNDED" as const)
          : ("PENDING" as const),
    substitute: item.replaces !== undefined,
  }));
  const sum = (state: Bill["lines"][number]["state"]) =>
    lines.filter((line) => line.state === state).reduce((total, line) => total + line.priceCents, 0);
  return {
    lines,
    orderedCents: lines.reduce((total, line) => total + line.priceCents, 0),
    chargedCents: sum("CHARGED"),
    refundedCents: sum("REFUNDED"),
    pendingCents: sum("PENDING"),
  };
}

const stepRank: Record<TimelineEntry["type"], number> = {
  OrderPlaced: 0,
  OrderInPreparation: 1,
  ItemQueued: 2,
  ItemUnavailable: 3,
  ItemDecided: 4,
  OrderCancellationRequested: 5,
  ItemWithdrawn: 6,
  ItemWithdrawalRefused: 7,
  ItemStarted: 8,
  ItemReady: 9,
  OrderReady: 10,
  OrderCancelled: 11,
  OrderCollected: 12,
};

/** Time order, with ties broken by step and id, so the same events always make the same timeline. */
const inTimeOrder = (entries: readonly TimelineEntry[]): TimelineEntry[] =>
  [...entries].sort(
    (a, b) =>
      Date.parse(a.at) - Date.parse(b.at) ||
      stepRank[a.type] - stepRank[b.type] ||
      (a.eventId ?? "").localeCompare(b.eventId ?? ""),
  );

type ItemEvent = Exclude<OrderEvent, { type: "OrderCollected" | "OrderCancellationRequested" }>;

function applyItemEvent(view: Pick<OrderView, "decisionWindowS">, item: ItemView, event: ItemEvent): ItemView {
  // A decision can overtake the report it answers: the reason still belongs on the item.
  if (event.type === "ItemUnavailable" && item.status === "CANCELLED")
    return { ...item, unavailableReason: event.data.reason };
  const status = nextItemStatus(item.status, event.type);
  if (status === item.status && event.type !== "ItemQueued") return lateStart(item, event);
  switch (event.type) {
    case "ItemQueued":
      return status === "QUEUED"
        ? {
            ...item,
            expectedReadyAt: event.data.expectedReadyAt,
            position: event.data.position,
            queuedAt: event.occurredAt,
          }
        : lateQueued(item, event);
    case "ItemStarted":
      return { ...item, status, expectedReadyAt: event.data.expectedReadyAt, startedAt: event.occurredAt };
    case "ItemReady":
      return { ...item, status, expectedReadyAt: event.occurredAt, readyAt: event.occurredAt };
    case "ItemUnavailable":
      return {
        ...item,
        status,
        unavailableReason: event.data.reason,
        decideBy: decisionDeadline(view, event.occurredAt),
      };
    case "ItemWithdrawn":
      return { ...withoutDecision(item), status, cancelReason: event.data.reason, cancelledAt: event.occurredAt };
    case "ItemDecided":
      return {
        ...withoutDecision(item),
        status,
        cancelledAt: event.occurredAt,
        cancelReason:
          event.data.action === "substitute"
            ? "REPLACED"
            : event.data.action === "remove"
              ? "REMOVED"
              : "CUSTOMER_CANCELLED",
        ...(event.data.action === "substitute" && event.data.substitute
          ? { replacedBy: event.data.substitute.itemId }
          : {}),
      };
    case "ItemWithdrawalRefused":
      return item;
  }
}

const withoutDecision = ({ decideBy: _d, ...item }: ItemView): ItemView => item;

/*
 * A report that arrives after a later one (a stream's snapshot may hold an item's ready report
 * and not its started one, stored a moment before) still brings its facts, as time order would
 * have: so a browser folding in arrival order shows what the server folds in time order.
 */
const lateQueued = (item: ItemView, event: Extract<ItemEvent, { type: "ItemQueued" }>): ItemView =>
  item.queuedAt !== undefined
    ? item
    : {
        ...item,
        position: event.data.position,
        queuedAt: event.occurredAt,
        // A later stage's ETA stands; an item never started keeps the one it was queued with.
        ...(item.startedAt === undefined && item.readyAt === undefined
          ? { expectedReadyAt: event.data.expectedReadyAt }
          : {}),
      };
const lateStart = (item: ItemView, event: ItemEvent): ItemView =>
  event.type === "ItemStarted" && item.status === "READY" && item.startedAt === undefined
    ? { ...item, startedAt: event.occurredAt }
    : item;

/** Words for the customer beyond the step itself. */
function detailOf(event: ItemEvent): Pick<TimelineEntry, "detail"> {
  switch (event.type) {
    case "ItemUnavailable":
      return { detail: event.data.reason === "SOLD_OUT" ? "sold out" : "not on this station's menu" };
    case "ItemWithdrawn":
      return { detail: "taken off the order and refunded" };
    case "ItemWithdrawalRefused":
      return { detail: event.data.status === "READY" ? "already made" : "already being made" };
    case "ItemDecided": {
      const by = event.data.decidedBy === "TIMEOUT" ? " (no choice in time)" : "";
      if (event.data.action === "substitute" && event.data.substitute)
        return { detail: `replaced by ${event.data.substitute.name}${by}` };
      if (event.data.action === "remove") return { detail: `removed and refunded${by}` };
      return { detail: `order cancelled${by}` };
    }
    default:
      return {};
  }
}

/** The order is ready when its last open item is: the latest expected ready time of the open items. */
const etaOf = (items: readonly Pick<ItemView, "status" | "expectedReadyAt" | "readyAt">[]): string | undefined => {
  const open = items.filter((item) => item.status !== "CANCELLED" && item.status !== "UNAVAILABLE");
  if (open.length === 0) return undefined;
  return latest(open.map((item) => (item.status === "READY" && item.readyAt ? item.readyAt : item.expectedReadyAt)));
};

const latest = (isoTimes: readonly string[]): string =>
  isoTimes.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));

/** Events in the order they happened; a station's steps of one instant in their natural order. */
const sortByTime = (events: readonly OrderEvent[]): OrderEvent[] =>
  [...events].sort(
    (a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt) || stepRank[a.type] - stepRank[b.type],
  );

/** When an unavailable item is decided for the customer, if they do not choose. */
export const decisionDeadline = (record: Pick<OrderRecord, "decisionWindowS">, unavailableAt: string): string =>
  new Date(Date.parse(unavailableAt) + (record.decisionWindowS ?? DEFAULT_DECISION_WINDOW_S) * 1000).toISOString();

export type CollectDecision = { ok: true } | { ok: false; reason: "NOT_READY" | "ALREADY_COLLECTED" };

/** Staff may hand over an order only once, and only when everything in it is ready. */
export function decideCollect(view: Pick<OrderView, "status">): CollectDecision {
  if (view.status === "COLLECTED") return { ok: false, reason: "ALREADY_COLLECTED" };
  if (view.status !== "READY") return { ok: false, reason: "NOT_READY" };
  return { ok: true };
}
