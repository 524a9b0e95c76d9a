import { isStationNews, StationNews, type StationEvent } from "@bakery/shared/events";
import { insertNew } from "@bakery/shared/mongo";
import type { Producer } from "kafkajs";
import type { Topics } from "@bakery/shared/topics";
import { publishKeyed } from "./keyed-publish";
import type { StationNewsDoc, WaiterCollections } from "./waiter-db";

/**
 * Stores the stations' stock and pause news once each (by id: two workers announcing the same
 * fact collapse) and relays it on `order-updates`, keyed by station, to every web process.
 */
export async function recordStationNews(
  deps: { c: WaiterCollections; producer: Producer; topics: Topics },
  events: readonly StationEvent[],
): Promise<void> {
  const news = events.filter(isStationNews);
  if (news.length === 0) return;
  await insertNew<StationNewsDoc>(
    deps.c.stationNews,
    news.map((event) => ({ _id: event.id, occurredAt: new Date(event.occurredAt), event })),
  );
  // Relayed even when already stored: a retried batch must still reach every process.
  await publishKeyed(
    deps.producer,
    deps.topics.orderUpdates,
    StationNews,
    news.map((event) => ({ key: event.data.station, event })),
  );
}
