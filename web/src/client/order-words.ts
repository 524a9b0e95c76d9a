import type { ItemStatus, ItemView, OrderStatus, OrderView, TimelineEntry } from "@bakery/shared/order";
import type { Station } from "@bakery/shared/stations";

export const stationName: Record<Station, string> = { KITCHEN: "Kitchen", BAR: "Bar" };

export const itemStatusWord: Record<ItemStatus, string> = {
  QUEUED: "Queued",
  PREPARING: "Preparing",
  READY: "Ready",
  UNAVAILABLE: "Unavailable",
  CANCELLED: "Cancelled",
};

export const orderStatusWord: Record<OrderStatus, string> = {
  PLACED: "Order received",
  IN_PREPARATION: "Being prepared",
  NEEDS_ACTION: "We need your choice",
  READY: "Ready for pickup",
  COLLECTED: "Collected — enjoy!",
  CANCELLED: "Cancelled",
};

/** How far along an item is, 0..100: 0 while queued, by the clock while preparing (never 100 until it is ready). */
export function itemProgress(item: Pick<ItemView, "status" | "startedAt" | "expectedReadyAt">, now: number): number {
  if (item.status === "READY") return 100;
  if (item.status === "QUEUED" || !item.startedAt) return 0;
  const start = Date.parse(item.startedAt);
  const span = Date.parse(item.expectedReadyAt) - start;
  if (span <= 0) return 99;
  return Math.max(1, Math.min(99, Math.round(((now - start) / span) * 100)));
}

/** A timeline entry as a sentence. */
export function describeTimelineEntry(entry: TimelineEntry): string {
  const where = entry.station ? stationName[entry.station].toLowerCase() : "station";
  switch (entry.type) {
    case "OrderPlaced":
      return "Order placed";
    case "OrderInPreparation":
      return "Preparation started";
    case "ItemQueued":
      return `${entry.name ?? "An item"} is in line at the ${where}`;
    case "ItemStarted":
      return `The ${where} started on ${entry.name ?? "an item"}`;
    case "ItemReady":
      return `${entry.name ?? "An item"} is ready`;
    case "OrderReady":
      return "Everything is ready for pickup";
    case "OrderCollected":
      return "Collected at the counter";
    case "ItemUnavailable":
      return `Sorry: ${entry.name ?? "an item"} is ${entry.detail ?? "unavailable"}`;
    case "ItemDecided":
      return `${entry.name ?? "An item"}: ${entry.detail ?? "decided"}`;
    case "OrderCancellationRequested":
      return entry.detail?.startsWith("by staff")
        ? `The bakery cancelled the order${entry.detail.slice("by staff".length)}`
        : "You asked to cancel what hasn't been started";
    case "ItemWithdrawn":
      return `${entry.name ?? "An item"} was ${entry.detail ?? "taken off the order"}`;
    case "ItemWithdrawalRefused":
      return `Too late to cancel ${entry.name ?? "an item"}: ${entry.detail ?? "it is being made"}, so it is still yours`;
    case "OrderCancelled":
      return "The order is cancelled";
  }
}

/** Timeline steps where something went wrong or was taken back: shown in red. */
export const isSetback = (type: TimelineEntry["type"]): boolean =>
  type === "ItemUnavailable" || type === "ItemWithdrawn" || type === "OrderCancelled";

/** Why an item will not be made, in the customer's words. */
export function cancelledItemWords(item: ItemView, items: readonly Pick<ItemView, "itemId" | "name">[]): string {
  switch (item.cancelReason) {
    case "REPLACED": {
      const substitute = items.find((other) => other.itemId === item.replacedBy);
      return substitute ? `Replaced by ${substitute.name}` : "Replaced";
    }
    case "REMOVED":
      return "Removed · refunded";
    case "STAFF_CANCELLED":
      return "Cancelled by the bakery · refunded";
    default:
      return "Cancelled · refunded";
  }
}

/** Items a cancellation can still take back: those no station has started. */
export const notStarted = (item: Pick<ItemView, "status">): boolean =>
  item.status === "QUEUED" || item.status === "UNAVAILABLE";

/** While anything has not started, the customer can cancel it (what is being made is still made). */
export const canCancel = (view: Pick<OrderView, "status" | "cancellation" | "items">): boolean =>
  view.status !== "COLLECTED" && view.status !== "CANCELLED" && !view.cancellation && view.items.some(notStarted);
