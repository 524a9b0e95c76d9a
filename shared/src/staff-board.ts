import type { ItemView, OrderView } from "./order";
import type { Station } from "./stations";

export type BoardItem = Pick<ItemView, "itemId" | "name" | "status" | "expectedReadyAt" | "startedAt" | "readyAt"> & {
  orderId: string;
  pickupCode: string;
  customerName: string;
  /** 1-based place in the station's queue (queued items only). */
  position?: number;
  /** Milliseconds until expected ready (items in preparation only; never negative). */
  msLeft?: number;
};

export type StationBoard = { queued: BoardItem[]; preparing: BoardItem[]; ready: BoardItem[] };

export type StaffBoard = {
  stations: Record<Station, StationBoard>;
  inPreparation: OrderView[];
  readyForPickup: OrderView[];
  numbers: {
    inFlight: number;
    averageWaitMs: number | null;
    oldestOpen: { orderId: string; pickupCode: string; ageMs: number } | null;
  };
};

/**
 * What the counter needs at a glance, derived from the open orders: each station's queue
 * (in arrival order), what is being prepared and how long it has left, what waits on the
 * balcony, and a few numbers. Pure: `now` is passed in.
 */
export function summarizeBoard(orders: readonly OrderView[], now: number): StaffBoard {
  // Collected and cancelled orders have left the counter.
  const open = orders.filter((order) => order.status !== "COLLECTED" && order.status !== "CANCELLED");
  const stations: Record<Station, StationBoard> = { KITCHEN: emptyStation(), BAR: emptyStation() };
  const queuedSince = new Map<string, number>();

  for (const order of open) {
    for (const item of order.items) {
      // Cancelled items are not made; unavailable ones never joined a queue (they wait for the customer).
      if (item.status === "CANCELLED" || item.status === "UNAVAILABLE") continue;
      const entry: BoardItem = {
        itemId: item.itemId,
        name: item.name,
        status: item.status,
        expectedReadyAt: item.expectedReadyAt,
        ...(item.startedAt ? { startedAt: item.startedAt } : {}),
        ...(item.readyAt ? { readyAt: item.readyAt } : {}),
        orderId: order.id,
        pickupCode: order.pickupCode,
        customerName: order.customerName,
      };
      const station = stations[item.station];
      if (item.status === "READY") station.ready.push(entry);
      else if (item.status === "PREPARING")
        station.preparing.push({ ...entry, msLeft: Math.max(0, Date.parse(item.expectedReadyAt) - now) });
      else {
        queuedSince.set(item.itemId, Date.parse(item.queuedAt ?? order.placedAt));
        station.queued.push(entry);
      }
    }
  }
  for (const station of Object.values(stations)) {
    station.queued = station.queued
      .sort((a, b) => (queuedSince.get(a.itemId) ?? 0) - (queuedSince.get(b.itemId) ?? 0))
      .map((item, i) => ({ ...item, position: i + 1 }));
    station.preparing.sort((a, b) => (a.msLeft ?? 0) - (b.msLeft ?? 0));
    station.ready.sort((a, b) => Date.parse(a.readyAt ?? "") - Date.parse(b.readyAt ?? ""));
  }

  const inPreparation = open
    .filter(
      (order) => order.status === "PLACED" || order.status === "IN_PREPARATION" || order.status === "NEEDS_ACTION",
    )
    .sort(byPlacedAt);
  const readyForPickup = open.filter((order) => order.status === "READY").sort(byPlacedAt);
  const waits = orders
    .filter((order) => order.readyAt)
    .map((order) => Date.parse(order.readyAt as string) - Date.parse(order.placedAt));
  const oldest = [...open].sort(byPlacedAt)[0];

  return {
    stations,
    inPreparation,
    readyForPickup,
    numbers: {
      inFlight: inPreparation.length,
      averageWaitMs: waits.length > 0 ? Math.round(waits.reduce((a, b) => a + b, 0) / waits.length) : null,
      oldestOpen: oldest
        ? { orderId: oldest.id, pickupCode: oldest.pickupCode, ageMs: Math.max(0, now - Date.parse(oldest.placedAt)) }
        : null,
    },
  };
}

const emptyStation = (): StationBoard => ({ queued: [], preparing: [], ready: [] });
const byPlacedAt = (a: OrderView, b: OrderView) => Date.parse(a.placedAt) - Date.parse(b.placedAt);
