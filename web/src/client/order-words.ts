import type { ItemStatus, ItemView, OrderStatus, TimelineEntry } from "@bakery/shared/order";
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
      return `Cancellation asked ${entry.detail ?? ""}`.trim();
    case "ItemWithdrawn":
      return `${entry.name ?? "An item"} was ${entry.detail ?? "taken off the order"}`;
    case "ItemWithdrawalRefused":
      return `Too late to cancel ${entry.name ?? "an item"}: ${entry.detail ?? "it is being made"}`;
    case "OrderCancelled":
      return "The order is cancelled";
  }
}
