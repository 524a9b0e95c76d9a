import { EventEmitter } from "node:events";
import type { StockLine } from "@bakery/shared/api";
import { isStationNews, type StationNews, type StockChanged } from "@bakery/shared/events";
import type { Station } from "@bakery/shared/stations";
import type { OrderFeed } from "./order-feed";
import type { WaiterCollections } from "./waiter-db";

export type { StockLine };

/**
 * What this process knows of the stations: each item's latest stock news and whether each
 * station is paused. Loaded from the stored news at start, then kept up to date from
 * `order-updates`. Only a fast path for the menu and the order form: the station decides.
 */
export async function startStationNews(deps: { c: WaiterCollections; feed: OrderFeed }) {
  const stock = new Map<number, StockChanged>();
  const paused: Record<Station, { paused: boolean; at: number }> = {
    KITCHEN: { paused: false, at: 0 },
    BAR: { paused: false, at: 0 },
  };
  const changes = new EventEmitter();
  changes.setMaxListeners(0);

  /** The newer report wins; of two at the same instant, the one that arrived later. */
  function apply(news: StationNews): boolean {
    const at = Date.parse(news.occurredAt);
    if (news.type === "StationStatusChanged") {
      const current = paused[news.data.station];
      if (at < current.at || current.paused === news.data.paused) return false;
      paused[news.data.station] = { paused: news.data.paused, at };
      changes.emit("station");
      return true;
    }
    const current = stock.get(news.data.menuItemId);
    if (current && (at < Date.parse(current.occurredAt) || current.id === news.id)) return false;
    stock.set(news.data.menuItemId, news);
    if (current?.data.available !== news.data.available) changes.emit("menu");
    return true;
  }

  // Subscribe before loading, so nothing that lands in between is missed.
  const unsubscribe = deps.feed.follow((update) => {
    if (isStationNews(update)) apply(update);
  });
  const stored = await deps.c.stationNews.find({}).sort({ occurredAt: 1 }).toArray();
  for (const doc of stored) apply(doc.event);

  return {
    /** False only when the item's station said it has run out. */
    available: (menuItemId: number): boolean => stock.get(menuItemId)?.data.available ?? true,
    paused: (station: Station): boolean => paused[station].paused,
    stock: (): StockLine[] =>
      [...stock.values()]
        .map(({ data }) => ({
          menuItemId: data.menuItemId,
          station: data.station,
          available: data.available,
          portions: data.portions,
        }))
        .sort((a, b) => a.menuItemId - b.menuItemId),
    /** Calls `listener` whenever some item's availability flips; returns the unsubscribe. */
    onMenuChange(listener: () => void): () => void {
      changes.on("menu", listener);
      return () => changes.off("menu", listener);
    },
    stop: unsubscribe,
  };
}
export type StationNewsStore = Awaited<ReturnType<typeof startStationNews>>;
